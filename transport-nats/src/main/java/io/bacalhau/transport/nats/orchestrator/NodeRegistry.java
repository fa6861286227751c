package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The orchestrator's view of its compute nodes (Bacalhau's node manager): who joined, whether they
 * may take work, and whether they are still heard from. A node silent for longer than the
 * disconnect timeout is marked DISCONNECTED ("heartbeat timeout"); a rejected one is refused at its
 * next handshake. Every change but a heartbeat is saved to its {@link MembershipStore}; nodes
 * loaded from it that were connected count as heard from at the restart.
 *
 * <p>Silence is measured on the monotonic clock: the wall clock (shown as LastHeartbeat) may be
 * stepped by NTP or by hand, and an hour forward then disconnected every node at once, while an
 * hour back kept a silent one connected for an hour.
 */
public final class NodeRegistry {
  private static final String COMPONENT = "NodeManager";

  private final Clock clock;
  private final LongSupplier nanoTime;
  private final Duration disconnectTimeout;
  private final boolean manualApproval;
  private final MembershipStore store;
  private final Map<String, NodeState> nodes = new LinkedHashMap<>();
  // When each connected node was last heard from, on nanoTime's clock.
  private final Map<String, Long> heardAt = new HashMap<>();
  private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();
  // The start time each node's process gave at its last handshake, saved with its membership: a
  // node restarted while this orchestrator was down too is then still seen to have restarted.
  private final Map<String, Instant> startTimes = new HashMap<>();

  public NodeRegistry(Clock clock, Duration disconnectTimeout, boolean manualApproval) {
    this(clock, disconnectTimeout, manualApproval, MembershipStore.inMemory());
  }

  public NodeRegistry(
      Clock clock, Duration disconnectTimeout, boolean manualApproval, MembershipStore store) {
    this(clock, System::nanoTime, disconnectTimeout, manualApproval, store);
  }

  /**
   * @param nanoTime the monotonic clock silence is measured on ({@link System#nanoTime})
   */
  public NodeRegistry(
      Clock clock,
      LongSupplier nanoTime,
      Duration disconnectTimeout,
      boolean manualApproval,
      MembershipStore store) {
    this.clock = clock;
    this.nanoTime = nanoTime;
    this.disconnectTimeout = disconnectTimeout;
    this.manualApproval = manualApproval;
    this.store = store;
    Instant now = clock.instant();
    for (KnownNode known : store.load()) {
      NodeState s = known.state();
      // A node connected when the orchestrator stopped gets the disconnect timeout to come back,
      // as if it had just beaten: its running executions are not failed while it reconnects (its
      // heartbeats are refused until it handshakes again, which it then does by itself). One that
      // does not come back is disconnected ("heartbeat timeout") and its executions move.
      NodeState loaded =
          s.connection() == NodeConnection.CONNECTED
              ? new NodeState(s.info(), s.membership(), null, ConnectionState.connected(now, now))
              : s;
      nodes.put(s.info().nodeId(), loaded);
      heardAt.put(s.info().nodeId(), nanoTime.getAsLong());
      if (known.startTime() != null) {
        startTimes.put(s.info().nodeId(), known.startTime());
      }
    }
  }

  public void addListener(MembershipListener listener) {
    listeners.add(listener);
  }

  /** Admits a node (Empty) or says why not. A node that joins again keeps its membership. */
  public Optional<String> handshake(NodeInfo info) {
    return handshake(info, null);
  }

  /**
   * Admits a node started at {@code startTime} (Empty) or says why not. A node whose process
   * started anew since its last handshake here holds none of the executions it had: listeners hear
   * it left ("node restarted") before they hear it joined, so those executions are placed again
   * instead of waiting for reports that will never come. The start time is compared with the saved
   * one, so this holds across a restart of this orchestrator too, while a node that kept running
   * through it keeps its executions.
   */
  public Optional<String> handshake(NodeInfo info, Instant startTime) {
    if (info.nodeType() != NodeType.COMPUTE) {
      return Optional.of("node is not a compute node");
    }
    NodeState joined;
    NodeState restarted = null;
    synchronized (this) {
      NodeState known = nodes.get(info.nodeId());
      Instant previousStart = startTime == null ? null : startTimes.put(info.nodeId(), startTime);
      if (known != null && previousStart != null && !previousStart.equals(startTime)) {
        restarted = known;
      }
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
      heardAt.put(info.nodeId(), nanoTime.getAsLong());
      save();
    }
    if (restarted != null) {
      NodeState gone = restarted;
      listeners.forEach(l -> l.left(gone, "node restarted"));
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
    heardAt.put(nodeId, nanoTime.getAsLong());
    nodes.put(
        nodeId,
        NodeStateChanges.beat(
            s, clock.instant(), available, queued, lastOrchestratorSeq, lastComputeSeq));
    return true;
  }

  /** Replaces what a connected node advertises; false when it must handshake again. */
  public synchronized boolean updateInfo(NodeInfo info) {
    NodeState s = nodes.get(info.nodeId());
    if (s == null || s.connection() != NodeConnection.CONNECTED) {
      return false;
    }
    nodes.put(info.nodeId(), NodeStateChanges.withInfo(s, info));
    save();
    return true;
  }

  /** The node said it is leaving. */
  public void shutdown(String nodeId) {
    disconnect(nodeId, "graceful shutdown");
  }

  /** Marks every node silent for longer than the disconnect timeout; returns them. */
  public List<NodeState> checkHealth() {
    long now = nanoTime.getAsLong();
    long timeout = disconnectTimeout.toNanos();
    List<String> silent = new ArrayList<>();
    synchronized (this) {
      nodes.forEach(
          (id, s) -> {
            Long heard = heardAt.get(id);
            if (s.connection() == NodeConnection.CONNECTED
                && (heard == null || now - heard > timeout)) {
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

  /**
   * Approves, rejects or deletes the node whose id is or starts with {@code idOrPrefix}, with
   * Bacalhau's errors: an unknown or ambiguous id, a node already in the asked state, an unknown
   * action.
   */
  public void update(String idOrPrefix, String action) {
    switch (action.strip().toLowerCase(Locale.ROOT)) {
      case "approve" -> approve(resolve(idOrPrefix));
      case "reject" -> reject(resolve(idOrPrefix));
      case "delete" -> delete(resolve(idOrPrefix));
      default ->
          throw BacalhauException.badRequest(
              "unknown node action '" + action + "'", "Valid actions: approve, reject, delete.");
    }
  }

  /** The one known node id equal to or starting with {@code idOrPrefix}. */
  public synchronized String resolve(String idOrPrefix) {
    String wanted = idOrPrefix == null ? "" : idOrPrefix.strip();
    if (nodes.containsKey(wanted)) {
      return wanted;
    }
    List<String> matches =
        wanted.isEmpty()
            ? List.of()
            : nodes.keySet().stream().filter(id -> id.startsWith(wanted)).toList();
    if (matches.isEmpty()) {
      throw BacalhauException.notFound(COMPONENT, "node not found: " + idOrPrefix);
    }
    if (matches.size() > 1) {
      throw BacalhauException.builder(
              ErrorCode.BAD_REQUEST,
              "node id prefix '"
                  + wanted
                  + "' matches several nodes: "
                  + String.join(", ", matches))
          .component(COMPONENT)
          .hint("Give more of the node id.")
          .build();
    }
    return matches.get(0);
  }

  /** Lets a node take work (from PENDING or REJECTED); a connected node then counts as joined. */
  public void approve(String nodeId) {
    NodeState approved;
    synchronized (this) {
      NodeState s = require(nodeId);
      if (s.membership() == NodeMembership.APPROVED) {
        throw already(nodeId, "approved");
      }
      approved = NodeStateChanges.withMembership(s, NodeMembership.APPROVED);
      nodes.put(nodeId, approved);
      save();
    }
    if (approved.connection() == NodeConnection.CONNECTED) {
      listeners.forEach(l -> l.joined(approved));
    }
  }

  /** Refuses a node: it is disconnected now and refused at its next handshake. */
  public void reject(String nodeId) {
    synchronized (this) {
      NodeState s = require(nodeId);
      if (s.membership() == NodeMembership.REJECTED) {
        throw already(nodeId, "rejected");
      }
      nodes.put(nodeId, NodeStateChanges.withMembership(s, NodeMembership.REJECTED));
      save();
    }
    disconnect(nodeId, "node rejected");
  }

  /** Forgets a node; if it is still connected it leaves now, and joins as new next time. */
  public void delete(String nodeId) {
    NodeState removed;
    synchronized (this) {
      removed = nodes.remove(require(nodeId).info().nodeId());
      heardAt.remove(removed.info().nodeId());
      startTimes.remove(removed.info().nodeId());
      save();
    }
    if (removed.connection() == NodeConnection.CONNECTED) {
      NodeState gone = NodeStateChanges.disconnected(removed, clock.instant(), "node deleted");
      listeners.forEach(l -> l.left(gone, "node deleted"));
    }
  }

  private NodeState require(String nodeId) {
    NodeState s = nodes.get(nodeId);
    if (s == null) {
      throw BacalhauException.notFound(COMPONENT, "node not found: " + nodeId);
    }
    return s;
  }

  private static BacalhauException already(String nodeId, String state) {
    return BacalhauException.builder(
            ErrorCode.BAD_REQUEST, "node " + nodeId + " is already " + state)
        .component(COMPONENT)
        .build();
  }

  private Optional<NodeState> disconnect(String nodeId, String reason) {
    NodeState left;
    synchronized (this) {
      NodeState s = nodes.get(nodeId);
      if (s == null || s.connection() != NodeConnection.CONNECTED) {
        return Optional.empty();
      }
      left = NodeStateChanges.disconnected(s, clock.instant(), reason);
      nodes.put(nodeId, left);
      save();
    }
    listeners.forEach(l -> l.left(left, reason));
    return Optional.of(left);
  }

  /** Called holding the lock, so saves happen in the order of the changes. */
  private void save() {
    store.save(
        nodes.values().stream()
            .map(n -> new KnownNode(n, startTimes.get(n.info().nodeId())))
            .toList());
  }
}
