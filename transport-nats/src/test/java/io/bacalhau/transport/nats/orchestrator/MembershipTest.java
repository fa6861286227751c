package io.bacalhau.transport.nats.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.Resources;
import io.bacalhau.transport.nats.testing.Fixtures;
import io.bacalhau.transport.nats.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Membership and connection as Bacalhau's node manager keeps them, on a clock moved by hand. */
class MembershipTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final NodeRegistry nodes = registry(false);

  private NodeRegistry registry(boolean manualApproval) {
    return new NodeRegistry(
        clock, clock::nanoTime, Duration.ofMinutes(1), manualApproval, MembershipStore.inMemory());
  }

  @Test
  void aNodeSilentForLongerThanTheTimeoutIsDisconnectedAndListenersHear() {
    List<String> left = new ArrayList<>();
    nodes.addListener(
        new MembershipListener() {
          @Override
          public void left(NodeState node, String reason) {
            left.add(node.info().nodeId() + ": " + reason);
          }
        });
    nodes.handshake(Fixtures.node("n-1"));
    clock.advance(Duration.ofSeconds(59));
    assertTrue(nodes.heartbeat("n-1", Resources.ZERO, Resources.ZERO, 0, 0));
    clock.advance(Duration.ofSeconds(59));
    assertEquals(List.of(), nodes.checkHealth());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(1, nodes.checkHealth().size());
    NodeState state = nodes.get("n-1").orElseThrow();
    assertEquals(NodeConnection.DISCONNECTED, state.connection());
    assertEquals("heartbeat timeout", state.connectionState().lastError());
    assertEquals(List.of("n-1: heartbeat timeout"), left);
    // A disconnected node's heartbeat is refused: it must handshake again.
    assertTrue(!nodes.heartbeat("n-1", Resources.ZERO, Resources.ZERO, 0, 0));
  }

  @Test
  void heartbeatsCarryCapacityIntoTheNodesState() {
    nodes.handshake(Fixtures.node("n-1"));
    Resources free = new Resources(1.5, 1 << 20, 0, 0);
    nodes.heartbeat("n-1", free, new Resources(0.5, 0, 0, 0), 4, 9);
    NodeState state = nodes.get("n-1").orElseThrow();
    assertEquals(free, state.info().computeNodeInfo().availableCapacity());
    assertEquals(9, state.connectionState().lastComputeSeqNum());
    assertEquals(4, state.connectionState().lastOrchestratorSeqNum());
  }

  @Test
  void manualApprovalKeepsNewNodesPendingAndAReconnectKeepsMembership() {
    NodeRegistry manual = registry(true);
    manual.handshake(Fixtures.node("n-1"));
    assertEquals(NodeMembership.PENDING, manual.get("n-1").orElseThrow().membership());
    manual.approve("n-1");
    manual.shutdown("n-1");
    manual.handshake(Fixtures.node("n-1"));
    assertEquals(NodeMembership.APPROVED, manual.get("n-1").orElseThrow().membership());
  }

  @Test
  void onlyComputeNodesMayJoin() {
    var info = Fixtures.node("o-1");
    var orchestrator =
        new io.bacalhau.core.models.NodeInfo(
            info.nodeId(),
            io.bacalhau.core.models.NodeType.REQUESTER,
            info.labels(),
            info.supportedProtocols(),
            info.computeNodeInfo(),
            info.bacalhauVersion());
    assertEquals("node is not a compute node", nodes.handshake(orchestrator).orElseThrow());
  }

  /**
   * A compute process restarted within the disconnect timeout was never seen to leave, so the
   * executions it had stayed Running for ever (found by the cluster crash harness): a handshake
   * from a new process now reports the old one as gone first. A reconnect of the same process (a
   * broker restart) is no restart.
   */
  @Test
  void aHandshakeFromANewProcessOfAConnectedNodeReportsTheOldOneGoneBeforeItJoins() {
    List<String> heard = Fixtures.heardMembership(nodes);
    Instant first = Instant.parse("2026-01-01T00:00:00Z");
    nodes.handshake(Fixtures.node("n-1"), first);
    nodes.handshake(Fixtures.node("n-1"), first);
    assertEquals(List.of("joined n-1", "joined n-1"), heard);
    heard.clear();

    nodes.handshake(Fixtures.node("n-1"), first.plusSeconds(3));

    assertEquals(List.of("left n-1: node restarted", "joined n-1"), heard);
    assertEquals(NodeConnection.CONNECTED, nodes.get("n-1").orElseThrow().connection());
  }
}
