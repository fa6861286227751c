package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.HelpOption;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.EventText;
import io.bacalhau.cli.render.Table;
import io.bacalhau.cli.render.TableOptions;
import io.bacalhau.cli.render.TableOutput;
import io.bacalhau.cli.render.TimeText;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalhau job history ID}: the job's event timeline. */
@Command(name = "history", description = "List a job's events in order.")
public final class JobHistoryCommand implements Callable<Integer> {
  @Mixin private HelpOption help;

  private final CliSession session;

  @Option(
      names = "--event-type",
      defaultValue = "all",
      description = "all, job or execution (default ${DEFAULT-VALUE}).")
  private String eventType;

  @Option(
      names = "--execution-id",
      defaultValue = "",
      description = "Only events of executions whose ID starts with this.")
  private String executionId;

  @Option(
      names = {"-v", "--version"},
      defaultValue = "0",
      description = "Job version (default: latest).")
  private long version;

  @Option(names = "--all-versions", description = "Events of every version.")
  private boolean allVersions;

  @Mixin private JobArgument target;

  @Mixin private TableOptions table;

  JobHistoryCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if (!Set.of("all", "job", "execution").contains(eventType)) {
      throw new UsageException(
          "invalid --event-type '" + eventType + "'", "Use all, job or execution.");
    }
    Job job = target.find(session.node());
    List<JobHistory> history =
        session
            .node()
            .history(job.id(), new HistoryQuery(version, allVersions, eventType, executionId, 0));
    Table t =
        new Table(
            Column.of("Time", 20),
            Column.of("Level"),
            Column.of("Job Version"),
            Column.of("Exec. ID", 10),
            Column.of("Topic", 15),
            Column.of("Event", 90));
    for (JobHistory h : history) {
      t.row(
          TimeText.dateTime(h.occurred()),
          h.type().label(),
          h.jobVersion(),
          Ids.shortId(h.executionId()),
          h.event().topic(),
          EventText.of(h.event()));
    }
    TableOutput.print(session, table, t, history);
    return ExitCode.OK;
  }
}
