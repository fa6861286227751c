package io.bacalhau.core.protocol;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;

/**
 * Messages from the orchestrator to a compute node. In one process they are calls; the cluster
 * transport carries the same messages over the network.
 */
public interface ComputeChannel {

  /**
   * Asks the node to bid. An execution whose desired state is already Running is a direct bid: the
   * node starts it if it accepts.
   */
  void askForBid(Job job, Execution execution);

  /** The node's bid won: run the execution. */
  void bidAccepted(Job job, Execution execution);

  /**
   * The node's accepted bid lost to another node's for the same partition (Bacalhau's BidRejected):
   * it frees what it reserved. A node that reserves nothing on a bid may ignore it.
   */
  default void bidRejected(String executionId, String reason) {}

  /** Stop the execution if it is running; the node reports Cancelled. */
  void cancel(String executionId, String reason);
}
