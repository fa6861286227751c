package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.ConnectionState;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.Resources;
import java.time.Instant;

/** The new state of a node after one thing happened to it; the records themselves are immutable. */
final class NodeStateChanges {
  private NodeStateChanges() {}

  /** Heard from at {@code at} with its available and queued capacity and the streams' positions. */
  static NodeState beat(
      NodeState s,
      Instant at,
      Resources available,
      Resources queued,
      long lastOrchestratorSeq,
      long lastComputeSeq) {
    ComputeNodeInfo c = s.info().computeNodeInfo();
    ComputeNodeInfo updated =
        new ComputeNodeInfo(
            c.executionEngines(),
            c.publishers(),
            c.storageSources(),
            c.maxCapacity(),
            queued,
            available,
            c.maxJobRequirements(),
            c.runningExecutions(),
            c.enqueuedExecutions(),
            c.address());
    NodeInfo i = s.info();
    return new NodeState(
        new NodeInfo(
            i.nodeId(),
            i.nodeType(),
            i.labels(),
            i.supportedProtocols(),
            updated,
            i.bacalhauVersion()),
        s.membership(),
        null,
        new ConnectionState(
            NodeConnection.CONNECTED,
            at,
            lastComputeSeq,
            lastOrchestratorSeq,
            s.connectionState().connectedSince(),
            null,
            ""));
  }

  static NodeState disconnected(NodeState s, Instant at, String reason) {
    ConnectionState cs = s.connectionState();
    return new NodeState(
        s.info(),
        s.membership(),
        null,
        new ConnectionState(
            NodeConnection.DISCONNECTED,
            cs.lastHeartbeat(),
            cs.lastComputeSeqNum(),
            cs.lastOrchestratorSeqNum(),
            cs.connectedSince(),
            at,
            reason));
  }

  static NodeState withMembership(NodeState s, NodeMembership membership) {
    return new NodeState(s.info(), membership, null, s.connectionState());
  }

  static NodeState withInfo(NodeState s, NodeInfo info) {
    return new NodeState(info, s.membership(), null, s.connectionState());
  }
}
