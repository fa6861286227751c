package io.bacalhau.core.node;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.protocol.ComputeCallback;
import java.util.function.Supplier;

/** A compute node's reports, handed to an orchestrator that exists only once the node is built. */
final class ForwardingCallback implements ComputeCallback {
  private final Supplier<ComputeCallback> to;

  ForwardingCallback(Supplier<ComputeCallback> to) {
    this.to = to;
  }

  @Override
  public void bidResult(String executionId, boolean accepted, String reason) {
    to.get().bidResult(executionId, accepted, reason);
  }

  @Override
  public void progressed(String executionId, ExecutionStateType state) {
    to.get().progressed(executionId, state);
  }

  @Override
  public void runResult(String executionId, SpecConfig published, RunCommandResult output) {
    to.get().runResult(executionId, published, output);
  }

  @Override
  public void computeError(String executionId, BacalhauException error, RunCommandResult output) {
    to.get().computeError(executionId, error, output);
  }

  @Override
  public void cancelled(String executionId, String reason) {
    to.get().cancelled(executionId, reason);
  }

  @Override
  public void event(String executionId, Event event) {
    to.get().event(executionId, event);
  }
}
