package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.ConnectionState;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.models.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The orchestrator's view of its compute nodes (Bacalhau's node manager): who joined, whether they
 * may take work, and whether they are still heard from. A node silent for longer than the
 * disconnect timeout is marked DISCONNECTED ("heartbeat timeout"); a rejected one is refused at its
 * next handshake. It lives in memory; persisting it is the wiring step's job.
 */
public final class NodeRegistry {
  private final Clock clock;
  private final Duration disconnectTimeout;
  private final boolean manualApproval;
  private final Map<String, NodeState> nodes = new LinkedHashMap<>();
  private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();

  public NodeRegistry(Clock clock, Duration disconnectTimeout, boolean manualApproval) {
    this.clock = clock;
    this.disconnectTimeout = disconnectTimeout;
    this.manualApproval = manualApproval;
  }

  public void addListener(MembershipListener listener) {
    listeners.add(listener);
  }

  /** Admits a node (Empty) or says why not. A node that joins again keeps its membership. */
  public Optional<String> handshake(NodeInfo info) {
    if (info.nodeType() != NodeType.COMPUTE) {
      return Optional.of("node is not a compute node");
    }
    NodeState joined;
    synchronized (this) {
      NodeState known = nodes.get(info.nodeId());
      if (known != null && known.membership() == NodeMembership.REJECTED) {
        return Optional.of("node has been rejected");
      }
      NodeMembership membership =
          known != null
              ? known.membership()
              : manualApproval ? NodeMembership.PENDING : NodeMembership.APPROVED;
      Instant now = clock.instant();
      joined = new NodeState(info, membership, null, ConnectionState.connected(now, now));
      nodes.put(info.nodeId(), joined);
    }
    listeners.forEach(l -> l.joined(joined));
    return Optional.empty();
  }

  /** Records a heartbeat; false when the node is not connected here and must handshake again. */
  public synchronized boolean heartbeat(
      String nodeId,
      Resources available,
      Resources queued,
      long lastOrchestratorSeq,
      long lastComputeSeq) {
    NodeState s = nodes.get(nodeId);
    if (s == null || s.connection() != NodeConnection.CONNECTED) {
      return false;
    }
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
    ConnectionState cs = s.connectionState();
    nodes.put(
        nodeId,
        new NodeState(
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
                clock.instant(),
                lastComputeSeq,
                lastOrchestratorSeq,
                cs.connectedSince(),
                null,
                "")));
    return true;
  }

  /** Replaces what a connected node advertises; false when it must handshake again. */
  public synchronized boolean updateInfo(NodeInfo info) {
    NodeState s = nodes.get(info.nodeId());
    if (s == null || s.connection() != NodeConnection.CONNECTED) {
      return false;
    }
    nodes.put(info.nodeId(), new NodeState(info, s.membership(), null, s.connectionState()));
    return true;
  }

  /** The node said it is leaving. */
  public void shutdown(String nodeId) {
    disconnect(nodeId, "graceful shutdown");
  }

  /** Marks every node silent for longer than the disconnect timeout; returns them. */
  public List<NodeState> checkHealth() {
    Instant cutoff = clock.instant().minus(disconnectTimeout);
    List<String> silent = new ArrayList<>();
    synchronized (this) {
      nodes.forEach(
          (id, s) -> {
            if (s.connection() == NodeConnection.CONNECTED
                && s.connectionState().lastHeartbeat().isBefore(cutoff)) {
              silent.add(id);
            }
          });
    }
    List<NodeState> left = new ArrayList<>();
    silent.forEach(id -> disconnect(id, "heartbeat timeout").ifPresent(left::add));
    return left;
  }

  public synchronized Optional<NodeState> get(String nodeId) {
    return Optional.ofNullable(nodes.get(nodeId));
  }

  public synchronized List<NodeState> list() {
    return List.copyOf(nodes.values());
  }

  /** Lets a node take work (from PENDING or REJECTED). */
  public synchronized void approve(String nodeId) {
    setMembership(nodeId, NodeMembership.APPROVED);
  }

  /** Refuses a node: it is disconnected now and refused at its next handshake. */
  public void reject(String nodeId) {
    synchronized (this) {
      setMembership(nodeId, NodeMembership.REJECTED);
    }
    disconnect(nodeId, "node rejected");
  }

  private void setMembership(String nodeId, NodeMembership membership) {
    NodeState s = nodes.get(nodeId);
    if (s == null) {
      throw new IllegalArgumentException("no node " + nodeId);
    }
    nodes.put(nodeId, new NodeState(s.info(), membership, null, s.connectionState()));
  }

  private Optional<NodeState> disconnect(String nodeId, String reason) {
    NodeState left;
    synchronized (this) {
      NodeState s = nodes.get(nodeId);
      if (s == null || s.connection() != NodeConnection.CONNECTED) {
        return Optional.empty();
      }
      ConnectionState cs = s.connectionState();
      left =
          new NodeState(
              s.info(),
              s.membership(),
              null,
              new ConnectionState(
                  NodeConnection.DISCONNECTED,
                  cs.lastHeartbeat(),
                  cs.lastComputeSeqNum(),
                  cs.lastOrchestratorSeqNum(),
                  cs.connectedSince(),
                  clock.instant(),
                  reason));
      nodes.put(nodeId, left);
    }
    listeners.forEach(l -> l.left(left, reason));
    return Optional.of(left);
  }
}
