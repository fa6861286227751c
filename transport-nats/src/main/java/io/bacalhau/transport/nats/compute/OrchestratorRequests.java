package io.bacalhau.transport.nats.compute;

import io.bacalhau.core.protocol.ComputeChannel;
import io.bacalhau.transport.nats.wire.Envelope;
import io.bacalhau.transport.nats.wire.messages.AskForBid;
import io.bacalhau.transport.nats.wire.messages.BidAccepted;
import io.bacalhau.transport.nats.wire.messages.BidRejected;
import io.bacalhau.transport.nats.wire.messages.CancelExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the orchestrator's messages into calls on the local compute node. */
final class OrchestratorRequests {
  private static final Logger LOG = LoggerFactory.getLogger(OrchestratorRequests.class);

  private final ComputeChannel local;

  OrchestratorRequests(ComputeChannel local) {
    this.local = local;
  }

  void deliver(Envelope envelope) {
    switch (envelope.payload()) {
      case AskForBid m -> local.askForBid(m.job(), m.execution());
      case BidAccepted m -> local.bidAccepted(m.job(), m.execution());
      case BidRejected m -> local.bidRejected(m.executionId(), m.reason());
      case CancelExecution m -> local.cancel(m.executionId(), m.justification());
      default ->
          LOG.warn(
              "dropped {} seq {}: not an orchestrator-to-compute message",
              envelope.type().wireName(),
              envelope.seqNum());
    }
  }
}
