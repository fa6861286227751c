package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.core.models.NodeState;

/**
 * Hears nodes join and leave; the scheduler's re-evaluation (daemon jobs on join, "node has
 * disappeared" on leave) will hang here.
 */
public interface MembershipListener {
  default void joined(NodeState node) {}

  default void left(NodeState node, String reason) {}
}
