package io.bacalhau.core.analytics;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.providers.ProviderEntry;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.analytics.AnalyticsEvent;
import io.bacalhau.core.spi.analytics.AnalyticsSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the node calls when something worth counting happens; fans the event out to every analytics
 * sink. With {@code DisableAnalytics} (or no analytics plugin) it is a true no-op: no sink is
 * created, no event is even built. It never throws and never blocks its caller.
 */
public final class Analytics implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Analytics.class);
  private static final Analytics DISABLED = new Analytics(List.of());

  private final List<AnalyticsSink> sinks;

  private Analytics(List<AnalyticsSink> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  public static Analytics disabled() {
    return DISABLED;
  }

  /**
   * The sinks of every installed analytics provider, created now. When {@code disabled} the
   * registry is not even looked at.
   */
  public static Analytics start(boolean disabled, ProviderRegistry registry) {
    if (disabled) {
      return DISABLED;
    }
    List<AnalyticsSink> sinks = new ArrayList<>();
    for (ProviderEntry entry : registry.entries()) {
      if (entry.kind() == ProviderKind.ANALYTICS && entry.installation().installed()) {
        try {
          sinks.add((AnalyticsSink) entry.provider().get());
        } catch (RuntimeException | LinkageError e) {
          LOG.debug("analytics sink '{}' not started: {}", entry.type(), e.toString());
        }
      }
    }
    return sinks.isEmpty() ? DISABLED : new Analytics(sinks);
  }

  /** Whether anything is collected at all; callers skip extra work when not. */
  public boolean enabled() {
    return !sinks.isEmpty();
  }

  /** Hands the event to every sink; a failing sink is logged at debug level and forgotten. */
  public void emit(AnalyticsEvent event) {
    for (AnalyticsSink sink : sinks) {
      try {
        sink.emit(event);
      } catch (RuntimeException | LinkageError e) {
        LOG.debug("analytics sink dropped {}: {}", event.type(), e.toString());
      }
    }
  }

  /** A job was accepted and stored. */
  public void submitted(Job stored, List<String> warnings) {
    if (enabled()) {
      emit(JobEvents.submitted(stored, warnings, ""));
    }
  }

  /** A submission was refused; only the error's code is shared, never its text. */
  public void submitFailed(Job submitted, RuntimeException error) {
    if (enabled() && submitted != null) {
      String code =
          error instanceof BacalhauException b ? b.code().code() : error.getClass().getSimpleName();
      emit(JobEvents.submitted(submitted, List.of(), code));
    }
  }

  /** A job was written; it counts once, when it first reaches a terminal state. */
  public void jobChanged(Job before, Job after) {
    if (enabled()
        && after != null
        && after.stateType().isTerminal()
        && (before == null || !before.stateType().isTerminal())) {
      emit(JobEvents.terminal(after));
    }
  }

  /**
   * An execution was written: created, ended, or given a compute message. {@code job} is only asked
   * for (it may cost a read) when there is something to send.
   */
  public void executionChanged(Execution before, Execution after, Supplier<Job> job) {
    if (!enabled() || after == null) {
      return;
    }
    boolean created = before == null;
    boolean ended =
        after.computeStateType().isTerminal()
            && (before == null || !before.computeStateType().isTerminal());
    String message = after.computeState().message();
    boolean newMessage =
        !message.isEmpty() && (before == null || !message.equals(before.computeState().message()));
    if (!created && !ended && !newMessage) {
      return;
    }
    String taskName = taskName(job.get());
    if (created) {
      emit(ExecutionAnalyticsEvents.created(after, taskName));
    }
    if (newMessage) {
      emit(ExecutionAnalyticsEvents.computeMessage(after));
    }
    if (ended) {
      emit(ExecutionAnalyticsEvents.terminal(after, taskName));
    }
  }

  /**
   * A scheduling pass wrote a job and its executions: compares them with how they were before.
   * {@code after} (a read) is only asked for when analytics is on.
   */
  public void planApplied(
      Job before, Job after, List<Execution> executionsBefore, Supplier<List<Execution>> now) {
    if (!enabled()) {
      return;
    }
    jobChanged(before, after);
    Map<String, Execution> old =
        executionsBefore.stream().collect(Collectors.toMap(Execution::id, Function.identity()));
    for (Execution e : now.get()) {
      Execution previous = old.get(e.id());
      if (previous == null || previous.revision() != e.revision()) {
        executionChanged(previous, e, () -> after);
      }
    }
  }

  private static String taskName(Job job) {
    Task task = job == null ? null : job.task();
    return task == null ? "" : task.name();
  }

  /** Flushes every sink within its short deadline. */
  @Override
  public void close() {
    for (AnalyticsSink sink : sinks) {
      try {
        sink.close();
      } catch (RuntimeException | LinkageError e) {
        LOG.debug("closing analytics sink failed: {}", e.toString());
      }
    }
  }
}
