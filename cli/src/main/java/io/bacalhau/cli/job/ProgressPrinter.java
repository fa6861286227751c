package io.bacalhau.cli.job;

import io.bacalhau.cli.render.EventText;
import io.bacalhau.cli.render.TimeText;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobHistoryType;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Prints a job's events as they arrive, one aligned row each: the first event, every execution
 * event, and job-level errors unless an execution already reported one. Grouped ({@code
 * --group-events}), rows go under a heading naming the job or the execution they belong to, and a
 * new heading starts whenever the events switch to another one.
 */
final class ProgressPrinter {
  private static final String ROW = " %-12s  %-10s  %-18s  %s%n";
  private static final String GROUPED_ROW = "   %-12s  %-18s  %s%n";

  private final PrintStream out;
  private final boolean grouped;
  private boolean first = true;
  private boolean executionErrorSeen;
  private String group;

  ProgressPrinter(PrintStream out, boolean grouped) {
    this.out = out;
    this.grouped = grouped;
  }

  void print(JobHistory entry) {
    boolean executionLevel = entry.type() == JobHistoryType.EXECUTION_LEVEL;
    boolean show = first || executionLevel || (entry.event().isError() && !executionErrorSeen);
    if (executionLevel && entry.event().isError()) {
      executionErrorSeen = true;
    }
    if (!show) {
      return;
    }
    String[] lines = EventText.of(entry.event()).split("\n");
    if (grouped) {
      printGrouped(entry, executionLevel, lines);
      return;
    }
    if (first) {
      out.printf(ROW, "TIME", "EXEC. ID", "TOPIC", "EVENT");
      first = false;
    }
    out.printf(
        ROW,
        TimeText.clockMillis(entry.occurred()),
        Ids.shortId(entry.executionId()),
        entry.event().topic(),
        lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.printf(ROW, "", "", "", lines[i]);
    }
  }

  private void printGrouped(JobHistory entry, boolean executionLevel, String[] lines) {
    String heading = executionLevel ? "Execution " + Ids.shortId(entry.executionId()) : "Job";
    if (first) {
      out.printf(GROUPED_ROW, "TIME", "TOPIC", "EVENT");
      first = false;
    }
    if (!Objects.equals(heading, group)) {
      out.println(" " + heading);
      group = heading;
    }
    out.printf(
        GROUPED_ROW, TimeText.clockMillis(entry.occurred()), entry.event().topic(), lines[0]);
    for (int i = 1; i < lines.length; i++) {
      out.printf(GROUPED_ROW, "", "", lines[i]);
    }
  }
}
