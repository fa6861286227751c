package io.bacalhau.cli.job;

import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.EventText;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TimeText;
import io.bacalhau.core.client.JobDetails;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobHistoryType;
import io.bacalhau.core.models.JobType;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The human layout of {@code job describe}: a summary, the job's history, each execution. */
final class DescribeRenderer {
  private final PrintStream out;
  private final Instant now;

  DescribeRenderer(PrintStream out, Instant now) {
    this.out = out;
    this.now = now;
  }

  void render(JobDetails details) {
    Job job = details.job();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("ID", job.id());
    fields.put("Name", job.name());
    fields.put("Namespace", job.namespace());
    fields.put("Type", job.type());
    fields.put("State", job.stateType().label());
    fields.put("Message", job.state().message());
    if (job.jobType().map(JobType::isPartitioned).orElse(false)) {
      fields.put("Count", String.valueOf(job.count()));
    }
    fields.put("Created Time", TimeText.dateTime(job.createTime()));
    fields.put("Modified Time", TimeText.dateTime(job.modifyTime()));
    fields.put("Version", String.valueOf(job.version()));
    keyValues(fields);

    List<Execution> executions =
        details.executions().stream()
            .sorted(Comparator.comparingLong(Execution::createTime).reversed())
            .toList();
    out.println();
    out.println("Summary");
    Map<String, Long> summary = new LinkedHashMap<>();
    for (ExecutionStateType s : ExecutionStateType.values()) {
      long n = executions.stream().filter(e -> e.computeStateType() == s).count();
      if (n > 0 && s != ExecutionStateType.CANCELLED && s != ExecutionStateType.UNDEFINED) {
        summary.put(s.label(), n);
      }
    }
    summary.forEach((k, v) -> out.println(k + " = " + v));

    out.println();
    out.println("Job History");
    history(details.history().stream().filter(h -> h.type() == JobHistoryType.JOB_LEVEL).toList());

    out.println();
    out.println("Executions");
    Table t =
        new Table(
            Column.of("ID", 10),
            Column.of("Node ID", 10),
            Column.of("State", 17),
            Column.of("Desired", 10),
            Column.of("Exit Code", 9),
            Column.of("Rev.", 4),
            Column.of("Created", 10),
            Column.of("Modified", 10),
            Column.of("Comment", 40));
    for (Execution e : executions) {
      t.row(
          Ids.shortId(e.id()),
          Ids.shortId(e.nodeId()),
          e.computeStateType().label(),
          e.desiredStateType().label(),
          TaskExitCode.of(e),
          e.revision(),
          TimeText.ago(e.createTime(), now),
          TimeText.ago(e.modifyTime(), now),
          e.computeState().message());
    }
    t.print(out, false, true, false);

    for (Execution e : executions) {
      out.println();
      out.println("Execution " + Ids.shortId(e.id()) + " History");
      history(details.history().stream().filter(h -> h.executionId().equals(e.id())).toList());
    }
    standardOutput(executions);
  }

  private void standardOutput(List<Execution> executions) {
    List<Execution> withOutput = executions.stream().filter(e -> e.runOutput() != null).toList();
    if (withOutput.isEmpty()) {
      return;
    }
    out.println();
    out.println("Standard Output");
    for (Execution e : withOutput) {
      if (withOutput.size() > 1) {
        out.println("Execution " + Ids.shortId(e.id()) + ":");
      }
      StringBuilder text = new StringBuilder(e.runOutput().stdout());
      if (!e.runOutput().stderr().isEmpty()) {
        text.append(text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? "" : "\n")
            .append(e.runOutput().stderr());
      }
      if (e.runOutput().stdoutTruncated() || e.runOutput().stderrTruncated()) {
        text.append("\n...\nOutput truncated");
      }
      out.print(text.toString().endsWith("\n") || text.isEmpty() ? text : text + "\n");
    }
  }

  private void history(List<JobHistory> entries) {
    Table t = new Table(Column.of("Time", 20), Column.of("Topic", 15), Column.of("Event", 90));
    for (JobHistory h : entries) {
      t.row(TimeText.dateTime(h.occurred()), h.event().topic(), EventText.of(h.event()));
    }
    t.print(out, false, true, false);
  }

  private void keyValues(Map<String, String> fields) {
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
    fields.forEach(
        (k, v) -> {
          if (v != null && !v.isEmpty()) {
            out.println(k + " ".repeat(width - k.length()) + " = " + v);
          }
        });
  }
}
