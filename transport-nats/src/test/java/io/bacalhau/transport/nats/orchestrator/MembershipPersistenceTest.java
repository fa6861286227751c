package io.bacalhau.transport.nats.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.transport.nats.testing.Fixtures;
import io.bacalhau.transport.nats.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memberships outlive the orchestrator process: a restart keeps who is approved or rejected. */
class MembershipPersistenceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  @TempDir Path dir;

  private NodeRegistry registry(boolean manualApproval) {
    return new NodeRegistry(
        clock,
        clock::nanoTime,
        Duration.ofMinutes(1),
        manualApproval,
        new FileMembershipStore(dir.resolve("orchestrator/nodes.json")));
  }

  @Test
  void aNodeConnectedAtARestartGetsTheDisconnectTimeoutToComeBack() {
    registry(false).handshake(Fixtures.node("n-1"));
    clock.advance(Duration.ofMinutes(10)); // the orchestrator was down a while
    NodeRegistry after = registry(false);
    List<String> left = new ArrayList<>();
    after.addListener(
        new MembershipListener() {
          @Override
          public void left(NodeState node, String reason) {
            left.add(node.info().nodeId() + ": " + reason);
          }
        });
    // Still a candidate: its running executions must not be failed while it reconnects.
    assertEquals(NodeConnection.CONNECTED, after.get("n-1").orElseThrow().connection());
    clock.advance(Duration.ofSeconds(59));
    assertEquals(List.of(), after.checkHealth());
    // Until it handshakes again, its heartbeats are refused by the transport (it has no link).
    clock.advance(Duration.ofSeconds(2));
    assertEquals(1, after.checkHealth().size());
    assertEquals(List.of("n-1: heartbeat timeout"), left);
  }

  /**
   * The start time of a node's process was kept in memory only, so a node restarted while the
   * orchestrator was down too was not seen to have restarted, and its old runs waited for ever.
   */
  @Test
  void aNodeRestartedWhileTheOrchestratorWasDownIsSeenToHaveRestarted() {
    Instant started = Instant.parse("2026-01-01T00:00:00.123456789Z");
    registry(false).handshake(Fixtures.node("n-1"), started);
    registry(false).handshake(Fixtures.node("n-2"), started);

    NodeRegistry after = registry(false);
    List<String> heard = Fixtures.heardMembership(after);
    after.handshake(Fixtures.node("n-1"), started.plusSeconds(30));
    after.handshake(Fixtures.node("n-2"), started); // it kept running: it keeps its executions

    assertEquals(List.of("left n-1: node restarted", "joined n-1", "joined n-2"), heard);
  }

  /** A node list saved before start times were kept loads, and the next handshake sets them. */
  @Test
  void aNodeListWithoutStartTimesLoadsAndTheNextHandshakeSetsThem() throws Exception {
    Path file = dir.resolve("orchestrator/nodes.json");
    registry(false).handshake(Fixtures.node("n-1"));
    assertTrue(!Files.readString(file).contains("StartTime"), Files.readString(file));

    Instant started = Instant.parse("2026-01-01T00:00:00Z");
    assertEquals(List.of(), leftAtHandshake(registry(false), started), "no start time was known");
    assertTrue(Files.readString(file).contains("\"StartTime\""), Files.readString(file));
    assertEquals(
        List.of("node restarted"), leftAtHandshake(registry(false), started.plusMillis(1)));
  }

  private static List<String> leftAtHandshake(NodeRegistry nodes, Instant started) {
    List<String> left = new ArrayList<>();
    nodes.addListener(
        new MembershipListener() {
          @Override
          public void left(NodeState node, String reason) {
            left.add(reason);
          }
        });
    assertTrue(nodes.handshake(Fixtures.node("n-1"), started).isEmpty());
    return left;
  }

  @Test
  void anUnreadableNodeListIsAnErrorNamingTheFile() throws Exception {
    Path file = dir.resolve("orchestrator/nodes.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"Info\": {}}");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry(false));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("expected a JSON array of nodes"), e.getMessage());
  }

  @Test
  void membershipsSurviveARestart() {
    NodeRegistry before = registry(true);
    before.handshake(Fixtures.node("n-approved"));
    before.handshake(Fixtures.node("n-pending"));
    before.handshake(Fixtures.node("n-rejected"));
    before.approve("n-approved");
    before.reject("n-rejected");

    NodeRegistry after = registry(true);
    assertEquals(3, after.list().size());
    NodeState approved = after.get("n-approved").orElseThrow();
    assertEquals(NodeMembership.APPROVED, approved.membership());
    // Rejected when it was: disconnected then, and now.
    assertEquals(NodeConnection.DISCONNECTED, after.get("n-rejected").orElseThrow().connection());
    assertEquals(NodeMembership.PENDING, after.get("n-pending").orElseThrow().membership());
    assertEquals(
        "node has been rejected", after.handshake(Fixtures.node("n-rejected")).orElseThrow());
    // An approved node joins again approved although approval is manual.
    assertTrue(after.handshake(Fixtures.node("n-approved")).isEmpty());
    assertEquals(NodeMembership.APPROVED, after.get("n-approved").orElseThrow().membership());
    assertEquals(Fixtures.node("n-approved"), approved.info());
  }

  @Test
  void aDeletedNodeStaysDeletedAndJoinsAsNew() {
    NodeRegistry before = registry(true);
    before.handshake(Fixtures.node("n-1"));
    before.approve("n-1");
    before.delete("n-1");
    NodeRegistry after = registry(true);
    assertTrue(after.get("n-1").isEmpty());
    after.handshake(Fixtures.node("n-1"));
    assertEquals(NodeMembership.PENDING, after.get("n-1").orElseThrow().membership());
  }

  @Test
  void updatesTakeAPrefixAndAnswerWithBacalhausErrors() {
    NodeRegistry nodes = registry(false);
    nodes.handshake(Fixtures.node("node-abc"));
    nodes.handshake(Fixtures.node("node-abd"));
    BacalhauException ambiguous =
        assertThrows(BacalhauException.class, () -> nodes.update("node-ab", "reject"));
    assertTrue(ambiguous.getMessage().contains("matches several nodes"), ambiguous.getMessage());
    BacalhauException approved =
        assertThrows(BacalhauException.class, () -> nodes.update("node-abc", "approve"));
    assertEquals("node node-abc is already approved", approved.getMessage());
    nodes.update("node-abd", "reject");
    assertEquals(NodeMembership.REJECTED, nodes.get("node-abd").orElseThrow().membership());
    assertThrows(BacalhauException.class, () -> nodes.update("zzz", "approve"));
    assertThrows(BacalhauException.class, () -> nodes.update("node-abc", "promote"));
  }

  @Test
  void aSaveReplacesTheFileWholeAndLeavesNoTemporaryBehind() throws Exception {
    NodeRegistry nodes = registry(false);
    nodes.handshake(Fixtures.node("n-1"));
    try (var files = Files.list(dir.resolve("orchestrator"))) {
      assertEquals(1, files.count());
    }
  }
}
