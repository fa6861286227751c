package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.transport.nats.wire.Envelope;
import io.bacalhau.transport.nats.wire.messages.BidResult;
import io.bacalhau.transport.nats.wire.messages.CancelResult;
import io.bacalhau.transport.nats.wire.messages.ComputeError;
import io.bacalhau.transport.nats.wire.messages.ExecutionEvent;
import io.bacalhau.transport.nats.wire.messages.ExecutionProgress;
import io.bacalhau.transport.nats.wire.messages.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a compute node's messages into calls on the orchestrator's {@link ComputeCallback}. */
final class ComputeResults {
  private static final Logger LOG = LoggerFactory.getLogger(ComputeResults.class);

  private final ComputeCallback callback;

  ComputeResults(ComputeCallback callback) {
    this.callback = callback;
  }

  /**
   * Hands the message over; {@code recorded} runs once its effect is committed (a message that is
   * not a report, or whose handling failed, counts as recorded once the reports before it are).
   */
  void deliver(Envelope envelope, Runnable recorded) {
    try {
      deliver(envelope);
    } finally {
      callback.afterRecorded(recorded);
    }
  }

  private void deliver(Envelope envelope) {
    switch (envelope.payload()) {
      case BidResult m -> callback.bidResult(m.executionId(), m.accepted(), m.reason());
      case RunResult m ->
          callback.runResult(m.executionId(), m.publishResult(), m.runCommandResult());
      case ComputeError m ->
          callback.computeError(
              m.executionId(), RemoteErrors.fromEvent(m.event()), m.runCommandResult());
      case CancelResult m -> callback.cancelled(m.executionId(), m.reason());
      case ExecutionProgress m -> callback.progressed(m.executionId(), m.state());
      case ExecutionEvent m -> callback.event(m.executionId(), m.event());
      default ->
          LOG.warn(
              "dropped {} seq {} from node {}: not a compute-to-orchestrator message",
              envelope.type().wireName(),
              envelope.seqNum(),
              envelope.nodeId());
    }
  }
}
