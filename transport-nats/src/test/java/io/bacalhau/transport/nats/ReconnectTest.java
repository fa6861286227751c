package io.bacalhau.transport.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.transport.nats.compute.ComputeTransport;
import io.bacalhau.transport.nats.orchestrator.RemoteComputeChannel;
import io.bacalhau.transport.nats.testing.Call;
import io.bacalhau.transport.nats.testing.Cluster;
import io.bacalhau.transport.nats.testing.Fixtures;
import io.bacalhau.transport.nats.testing.RecordingChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker dies (kill -9) while both sides are sending: once its supervisor has started it again,
 * every message has had its effect exactly once, in the order it was sent.
 */
class ReconnectTest {
  private static final int MESSAGES = 400;

  @TempDir Path dir;

  @Test
  void aBrokerKilledMidStreamLosesAndRepeatsNothing() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      RecordingChannel computeSide = new RecordingChannel();
      ComputeTransport compute =
          cluster.join(() -> Fixtures.node("n-1"), computeSide, Duration.ofMillis(200));
      RemoteComputeChannel channel = cluster.orchestrator.channel("n-1").orElseThrow();

      CountDownLatch halfway = new CountDownLatch(2);
      Thread down = sender(i -> channel.cancel("e-" + i, "stop " + i), halfway);
      Thread up = sender(i -> compute.bidResult("e-" + i, true, ""), halfway);
      halfway.await(30, TimeUnit.SECONDS);
      ProcessHandle.of(cluster.broker.pid()).orElseThrow().destroyForcibly();
      down.join();
      up.join();

      List<Call> expectedDown = new ArrayList<>();
      List<Call> expectedUp = new ArrayList<>();
      for (int i = 0; i < MESSAGES; i++) {
        expectedDown.add(Call.of("cancel", "e-" + i, "stop " + i));
        expectedUp.add(Call.of("bidResult", "e-" + i, true, ""));
      }
      assertEquals(expectedDown, computeSide.take(MESSAGES, Duration.ofSeconds(30)));
      assertEquals(expectedUp, cluster.results.take(MESSAGES, Duration.ofSeconds(30)));
      // Several heartbeats (each may resend) and no second effect of anything.
      computeSide.assertNoMore(Duration.ofSeconds(1));
      cluster.results.assertNoMore(Duration.ofMillis(100));
    }
  }

  private static Thread sender(java.util.function.IntConsumer send, CountDownLatch halfway) {
    return Thread.ofVirtual()
        .start(
            () -> {
              for (int i = 0; i < MESSAGES; i++) {
                send.accept(i);
                if (i == MESSAGES / 2) {
                  halfway.countDown();
                }
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
  }
}
