package io.bacalhau.core.analytics;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.spi.analytics.AnalyticsEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The events a job gives rise to, rebuilt from what is stored, in the order they are sent: for
 * {@code analytics preview}, so a user can read exactly what would be shared about a job. Execution
 * events show the execution as it is now.
 */
public final class JobRecords {
  private JobRecords() {}

  public static List<AnalyticsEvent> of(Job job, List<Execution> executions) {
    String taskName = job.task() == null ? "" : job.task().name();
    List<AnalyticsEvent> events = new ArrayList<>();
    events.add(JobEvents.submitted(job, List.of(), ""));
    List<Execution> ordered =
        executions.stream().sorted(Comparator.comparingLong(Execution::createTime)).toList();
    for (Execution e : ordered) {
      events.add(ExecutionAnalyticsEvents.created(e, taskName));
      if (!e.computeState().message().isEmpty()) {
        events.add(ExecutionAnalyticsEvents.computeMessage(e));
      }
      if (e.computeStateType().isTerminal()) {
        events.add(ExecutionAnalyticsEvents.terminal(e, taskName));
      }
    }
    if (job.stateType().isTerminal()) {
      events.add(JobEvents.terminal(job));
    }
    return events;
  }
}
