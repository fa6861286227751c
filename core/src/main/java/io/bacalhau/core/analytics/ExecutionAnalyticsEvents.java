package io.bacalhau.core.analytics;

import io.bacalhau.core.identity.Hashing;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.State;
import io.bacalhau.core.spi.analytics.AnalyticsEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Analytics events about executions (ExecutionEvent on create and terminal,
 * ExecutionComputeMessage): states, error codes, counts and hashes. Stdout and stderr never leave
 * the machine, only whether they were cut.
 */
public final class ExecutionAnalyticsEvents {
  private ExecutionAnalyticsEvents() {}

  public static AnalyticsEvent created(Execution e, String taskName) {
    return new AnalyticsEvent(EventTypes.EXECUTION_CREATE, properties(e, taskName));
  }

  public static AnalyticsEvent terminal(Execution e, String taskName) {
    return new AnalyticsEvent(EventTypes.EXECUTION_TERMINAL, properties(e, taskName));
  }

  /**
   * What compute said about an execution. The message itself can name the user's files or images,
   * so it is shared as a SHA-256 (equal messages still group together); the error code is ours.
   */
  public static AnalyticsEvent computeMessage(Execution e) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("job_id", e.jobId());
    p.put("execution_id", e.id());
    p.put("compute_message", Hashing.sha256(e.computeState().message()));
    p.put("compute_state_error_code", errorCode(e.computeState()));
    return new AnalyticsEvent(EventTypes.EXECUTION_COMPUTE_MESSAGE, p);
  }

  private static Map<String, Object> properties(Execution e, String taskName) {
    RunCommandResult run = e.runOutput();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("job_id", e.jobId());
    p.put("execution_id", e.id());
    p.put("evaluation_id", e.evalId());
    p.put("name_set", !e.name().isEmpty() && !e.name().equals(e.id()));
    p.put("node_name_hash", Hashing.sha256(e.nodeId()));
    p.put("namespace_hash", Hashing.sha256(e.namespace()));
    // Keyed by the hashed task name, as Bacalhau keys an execution's resources by task.
    p.put(
        "resources",
        Map.of(Hashing.sha256(taskName), ResourceProperties.of(e.allocatedResources().total())));
    p.put("desired_state", e.desiredStateType().label());
    p.put("desired_state_error_code", errorCode(e.desiredState()));
    p.put("compute_state", e.computeStateType().label());
    p.put("compute_state_error_code", errorCode(e.computeState()));
    p.put("publisher_type", e.publishedResult().type());
    p.put("run_result_stdout_truncated", run != null && run.stdoutTruncated());
    p.put("run_result_stderr_truncated", run != null && run.stderrTruncated());
    p.put("run_result_exit_code", run == null ? 0L : (long) run.exitCode());
    p.put("previous_execution", e.previousExecution());
    p.put("next_execution", e.nextExecution());
    p.put("followup_eval_id", e.followupEvalId());
    p.put("revision", e.revision());
    p.put("create_time", JobEvents.time(e.createTime()));
    p.put("modify_time", JobEvents.time(e.modifyTime()));
    return p;
  }

  private static String errorCode(State<?> state) {
    return state.details().getOrDefault(Event.DETAIL_ERROR_CODE, "");
  }
}
