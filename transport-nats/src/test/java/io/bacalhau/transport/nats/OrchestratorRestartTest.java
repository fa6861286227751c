package io.bacalhau.transport.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.models.NodeState;
import io.bacalhau.transport.nats.compute.ComputeTransport;
import io.bacalhau.transport.nats.orchestrator.MembershipListener;
import io.bacalhau.transport.nats.orchestrator.NodeRegistry;
import io.bacalhau.transport.nats.orchestrator.OrchestratorTransport;
import io.bacalhau.transport.nats.testing.Call;
import io.bacalhau.transport.nats.testing.Cluster;
import io.bacalhau.transport.nats.testing.Fixtures;
import io.bacalhau.transport.nats.testing.RecordingCallback;
import io.bacalhau.transport.nats.testing.RecordingChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An orchestrator that starts again with no memory of its nodes: the node joins it again, what the
 * node reported while no orchestrator listened arrives once, and the new orchestrator's messages
 * are not taken for replays of the old one's.
 */
class OrchestratorRestartTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void aNodeRejoinsAFreshOrchestratorAndBothStreamsCarryOn() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      RecordingChannel computeSide = new RecordingChannel();
      ComputeTransport compute =
          cluster.join(() -> Fixtures.node("n-1"), computeSide, Duration.ofMillis(100));
      cluster.orchestrator.channel("n-1").orElseThrow().cancel("e-1", "first");
      assertEquals(Call.of("cancel", "e-1", "first"), computeSide.next(WAIT));
      compute.bidResult("e-1", true, "");
      assertEquals(Call.of("bidResult", "e-1", true, ""), cluster.results.next(WAIT));
      Thread.sleep(300); // a few heartbeats: both sides acknowledged seq 1

      cluster.orchestrator.close();
      compute.bidResult("e-2", true, ""); // nobody listens: it waits in the node's outbox

      RecordingCallback fresh = new RecordingCallback();
      NodeRegistry nodes = new NodeRegistry(Clock.systemUTC(), Duration.ofMinutes(1), false);
      CountDownLatch rejoined = new CountDownLatch(1);
      nodes.addListener(
          new MembershipListener() {
            @Override
            public void joined(NodeState node) {
              rejoined.countDown();
            }
          });
      try (OrchestratorTransport restarted =
          new OrchestratorTransport(
                  cluster.link("orchestrator-2", Cluster.TOKEN),
                  nodes,
                  fresh,
                  Duration.ofSeconds(1))
              .start()) {
        assertEquals(true, rejoined.await(10, TimeUnit.SECONDS), "the node did not join again");
        assertEquals(Call.of("bidResult", "e-2", true, ""), fresh.next(WAIT));
        restarted.channel("n-1").orElseThrow().cancel("e-3", "after the restart");
        assertEquals(Call.of("cancel", "e-3", "after the restart"), computeSide.next(WAIT));
        compute.bidResult("e-3", false, "cancelled");
        assertEquals(Call.of("bidResult", "e-3", false, "cancelled"), fresh.next(WAIT));
        fresh.assertNoMore(Duration.ofMillis(500));
        computeSide.assertNoMore(Duration.ofMillis(100));
      }
    }
  }
}
