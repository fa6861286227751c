package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.protocol.ComputeChannel;
import io.bacalhau.transport.nats.sequence.Outbox;
import io.bacalhau.transport.nats.wire.messages.AskForBid;
import io.bacalhau.transport.nats.wire.messages.BidAccepted;
import io.bacalhau.transport.nats.wire.messages.BidRejected;
import io.bacalhau.transport.nats.wire.messages.CancelExecution;

/**
 * One compute node as the orchestrator calls it: each call becomes a numbered message on the node's
 * {@code in.msgs} subject. Calls never block on the network; while the node or the broker is away
 * the messages wait in the outbox and go when it is back.
 */
public final class RemoteComputeChannel implements ComputeChannel {
  private final String nodeId;
  private final Outbox outbox;

  RemoteComputeChannel(String nodeId, Outbox outbox) {
    this.nodeId = nodeId;
    this.outbox = outbox;
  }

  public String nodeId() {
    return nodeId;
  }

  @Override
  public void askForBid(Job job, Execution execution) {
    outbox.send(new AskForBid(job, execution));
  }

  @Override
  public void bidAccepted(Job job, Execution execution) {
    outbox.send(new BidAccepted(job, execution));
  }

  /** The node's bid lost (Bacalhau's BidRejected): it frees what it reserved. */
  @Override
  public void bidRejected(String executionId, String reason) {
    outbox.send(new BidRejected(executionId, reason));
  }

  @Override
  public void cancel(String executionId, String reason) {
    outbox.send(new CancelExecution(executionId, reason));
  }

  /** Messages sent and not yet acknowledged by the node. */
  public int pending() {
    return outbox.pending();
  }
}
