package io.bacalhau.transport.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.transport.nats.orchestrator.MembershipListener;
import io.bacalhau.transport.nats.testing.Cluster;
import io.bacalhau.transport.nats.testing.Fixtures;
import io.bacalhau.transport.nats.testing.RecordingChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeats over a real broker keep a node connected; silence past the timeout disconnects it. */
class HeartbeatTest {
  @TempDir Path dir;

  @Test
  void aNodeThatFallsSilentIsDisconnectedAfterTheTimeout() throws Exception {
    Duration timeout = Duration.ofMillis(800);
    try (Cluster cluster = Cluster.start(dir, timeout, Duration.ofMillis(100))) {
      CompletableFuture<String> left = new CompletableFuture<>();
      cluster.nodes.addListener(
          new MembershipListener() {
            @Override
            public void left(NodeState node, String reason) {
              left.complete(node.info().nodeId() + ": " + reason);
            }
          });
      cluster.join(() -> Fixtures.node("n-1"), new RecordingChannel(), Duration.ofMillis(100));
      Instant firstBeat = cluster.nodes.get("n-1").orElseThrow().connectionState().lastHeartbeat();

      // Heartbeats every 100 ms keep it connected through twice the timeout.
      Thread.sleep(timeout.multipliedBy(2).toMillis());
      NodeState alive = cluster.nodes.get("n-1").orElseThrow();
      assertEquals(NodeConnection.CONNECTED, alive.connection());
      assertTrue(alive.connectionState().lastHeartbeat().isAfter(firstBeat));

      // A node that dies without a word (its connection cut): disconnected within the timeout.
      cluster.computeLink("n-1").close();
      Instant cut = Instant.now();
      assertEquals("n-1: heartbeat timeout", left.get(10, TimeUnit.SECONDS));
      Duration took = Duration.between(cut, Instant.now());
      assertTrue(took.compareTo(timeout.plusSeconds(1)) < 0, "took " + took);
    }
  }
}
