package io.bacalhau.transport.nats.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.Resources;
import io.bacalhau.transport.nats.testing.Fixtures;
import io.bacalhau.transport.nats.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The orchestrator's wall clock stepped an hour either way (NTP, an administrator) while its nodes
 * beat as usual. Regression: silence was measured on the wall clock, so an hour forward
 * disconnected every node at the next health check (failing their running executions with "node has
 * disappeared"), and an hour back kept a node that fell silent connected for an hour.
 */
class HeartbeatClockStepTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final NodeRegistry nodes =
      new NodeRegistry(
          clock, clock::nanoTime, Duration.ofSeconds(3), false, MembershipStore.inMemory());

  @Test
  void aWallClockSteppedAnHourForwardDisconnectsNoNodeThatStillBeats() {
    nodes.handshake(Fixtures.node("n-1"));
    clock.advance(Duration.ofSeconds(1));
    nodes.heartbeat("n-1", Resources.ZERO, Resources.ZERO, 0, 0);
    clock.step(Duration.ofHours(1));
    clock.advance(Duration.ofSeconds(1));
    assertEquals(List.of(), nodes.checkHealth());
    assertEquals(NodeConnection.CONNECTED, nodes.get("n-1").orElseThrow().connection());
  }

  @Test
  void aNodeSilentAfterTheWallClockWasSteppedBackIsStillDisconnectedOnTime() {
    nodes.handshake(Fixtures.node("n-1"));
    clock.advance(Duration.ofSeconds(1));
    nodes.heartbeat("n-1", Resources.ZERO, Resources.ZERO, 0, 0);
    clock.step(Duration.ofHours(-1));
    clock.advance(Duration.ofSeconds(4));
    assertEquals(1, nodes.checkHealth().size());
    assertEquals("heartbeat timeout", nodes.get("n-1").orElseThrow().connectionState().lastError());
  }
}
