package io.bacalhau.transport.nats.node;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.protocol.ComputeCallback;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The orchestrator as the transport's callback, before the orchestrator exists: the transport must
 * be listening when the node is built (the node's router needs it), and the orchestrator is built
 * with the node. A report arriving in between waits for the orchestrator, for a while, rather than
 * being lost: the node keeps it in its outbox until acknowledged anyway.
 */
final class LateCallback implements ComputeCallback {
  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile ComputeCallback target;

  void bind(ComputeCallback orchestrator) {
    target = orchestrator;
    ready.countDown();
  }

  private ComputeCallback target() {
    try {
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the orchestrator is not ready for compute reports yet");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the orchestrator", e);
    }
    return target;
  }

  @Override
  public void bidResult(String executionId, boolean accepted, String reason) {
    target().bidResult(executionId, accepted, reason);
  }

  @Override
  public void progressed(String executionId, ExecutionStateType state) {
    target().progressed(executionId, state);
  }

  @Override
  public void runResult(String executionId, SpecConfig published, RunCommandResult output) {
    target().runResult(executionId, published, output);
  }

  @Override
  public void computeError(String executionId, BacalhauException error, RunCommandResult output) {
    target().computeError(executionId, error, output);
  }

  @Override
  public void cancelled(String executionId, String reason) {
    target().cancelled(executionId, reason);
  }

  @Override
  public void event(String executionId, Event event) {
    target().event(executionId, event);
  }

  @Override
  public void afterRecorded(Runnable done) {
    target().afterRecorded(done);
  }
}
