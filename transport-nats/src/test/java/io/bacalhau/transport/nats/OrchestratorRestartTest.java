package io.bacalhau.transport.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.models.NodeState;
import io.bacalhau.transport.nats.compute.ComputeTransport;
import io.bacalhau.transport.nats.orchestrator.FileMembershipStore;
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

  /**
   * A report is acknowledged to the node only once the orchestrator committed it. Before, it was
   * acknowledged once queued for the store, so the node forgot it and an orchestrator killed before
   * the commit lost it: the execution stayed Running though the node had finished it.
   */
  @Test
  void aReportTakenButNotCommittedWhenTheOrchestratorDiesGoesToTheNextOne() throws Exception {
    try (Cluster cluster = Cluster.start(dir)) {
      ComputeTransport compute =
          cluster.join(() -> Fixtures.node("n-1"), new RecordingChannel(), Duration.ofMillis(100));
      cluster.results.neverCommit();
      compute.bidResult("e-1", true, "");
      assertEquals(Call.of("bidResult", "e-1", true, ""), cluster.results.next(WAIT));
      Thread.sleep(500); // several heartbeats: nothing acknowledges the uncommitted report
      cluster.orchestrator.close();

      RecordingCallback fresh = new RecordingCallback();
      try (OrchestratorTransport restarted =
          new OrchestratorTransport(
                  cluster.link("orchestrator-2", Cluster.TOKEN),
                  new NodeRegistry(Clock.systemUTC(), Duration.ofMinutes(1), false),
                  fresh,
                  Duration.ofSeconds(1))
              .start()) {
        assertEquals(Call.of("bidResult", "e-1", true, ""), fresh.next(WAIT));
        compute.bidResult("e-2", true, "");
        assertEquals(Call.of("bidResult", "e-2", true, ""), fresh.next(WAIT));
        fresh.assertNoMore(Duration.ofMillis(500)); // committed now: not sent a third time
      }
    }
  }

  /**
   * A restarted orchestrator loads its nodes from the membership file and may place work on them
   * before they handshake again (about one heartbeat): those messages were dropped, and the
   * execution waited for a bid that never came. They now wait and go after the handshake, in order,
   * once each, numbered after what the node processed from the orchestrator before the restart.
   */
  @Test
  void messagesToAKnownNodeBeforeItsHandshakeAfterARestartWaitAndGoOnceInOrder() throws Exception {
    Path members = dir.resolve("orchestrator").resolve("nodes.json");
    try (Cluster cluster = Cluster.start(dir.resolve("broker"), registry(members))) {
      RecordingChannel computeSide = new RecordingChannel();
      ComputeTransport compute =
          cluster.join(() -> Fixtures.node("n-1"), computeSide, Duration.ofMillis(200));
      cluster.orchestrator.channel("n-1").orElseThrow().cancel("e-1", "before the restart");
      assertEquals(Call.of("cancel", "e-1", "before the restart"), computeSide.next(WAIT));
      Thread.sleep(600); // a few heartbeats: the node acknowledged seq 1
      cluster.orchestrator.close();

      RecordingCallback fresh = new RecordingCallback();
      NodeRegistry nodes = registry(members);
      OrchestratorTransport restarted =
          new OrchestratorTransport(
              cluster.link("orchestrator-2", Cluster.TOKEN), nodes, fresh, Duration.ofSeconds(1));
      // Not listening yet, so the node cannot have handshaken: these must wait for it.
      var channel = restarted.channel("n-1").orElseThrow();
      channel.cancel("e-2", "placed before the handshake");
      channel.cancel("e-3", "also before");
      try (restarted) {
        restarted.start();
        assertEquals(
            Call.of("cancel", "e-2", "placed before the handshake"), computeSide.next(WAIT));
        assertEquals(Call.of("cancel", "e-3", "also before"), computeSide.next(WAIT));
        restarted.channel("n-1").orElseThrow().cancel("e-4", "after the handshake");
        assertEquals(Call.of("cancel", "e-4", "after the handshake"), computeSide.next(WAIT));
        computeSide.assertNoMore(Duration.ofMillis(800)); // several heartbeats: no resent copy
        assertEquals(0, restarted.channel("n-1").orElseThrow().pending());
        compute.bidResult("e-4", false, "cancelled");
        assertEquals(Call.of("bidResult", "e-4", false, "cancelled"), fresh.next(WAIT));
      }
    }
  }

  private static NodeRegistry registry(Path members) {
    return new NodeRegistry(
        Clock.systemUTC(), Duration.ofMinutes(1), false, new FileMembershipStore(members));
  }
}
