package io.bacalhau.cli.job;

import io.bacalhau.cli.render.EventText;
import io.bacalhau.cli.render.TimeText;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobHistoryType;
import java.io.PrintStream;

/**
 * Prints a job's events as they arrive, one aligned row each: the first event, every execution
 * event, and job-level errors unless an execution already reported one.
 */
final class ProgressPrinter {
  private static final String ROW = " %-12s  %-10s  %-18s  %s%n";

  private final PrintStream out;
  private boolean first = true;
  private boolean executionErrorSeen;

  ProgressPrinter(PrintStream out) {
    this.out = out;
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
    if (first) {
      out.printf(ROW, "TIME", "EXEC. ID", "TOPIC", "EVENT");
      first = false;
    }
    String[] lines = EventText.of(entry.event()).split("\n");
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
}
