package io.bacalhau.core.protocol;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;

/** Messages from a compute node back to the orchestrator about its executions. */
public interface ComputeCallback {

  /** The node's answer to an ask for bid; {@code reason} says why it declined. */
  void bidResult(String executionId, boolean accepted, String reason);

  /** The execution moved to Running or Publishing on the node. */
  void progressed(String executionId, ExecutionStateType state);

  /** The run ended (whatever its exit code) and its results were published. */
  void runResult(String executionId, SpecConfig published, RunCommandResult output);

  /** The run could not be done: a runner, input or publisher failure, or a timeout. */
  void computeError(String executionId, BacalhauException error, RunCommandResult output);

  /** The run was stopped as asked. */
  void cancelled(String executionId, String reason);

  /** A step of the execution worth recording (inputs downloaded, image pulled, ...). */
  void event(String executionId, Event event);

  /**
   * Runs {@code done} once every report made through this callback before the call is durably
   * recorded (committed to the job store), so that the sender may forget those reports: a sender
   * that forgets a report only queued would lose it to a crash before the commit. A callback that
   * records at once (or keeps nothing) runs it at once.
   */
  default void afterRecorded(Runnable done) {
    done.run();
  }
}
