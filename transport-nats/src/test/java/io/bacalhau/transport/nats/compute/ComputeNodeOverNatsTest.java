package io.bacalhau.transport.nats.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.compute.ComputeNode;
import io.bacalhau.core.compute.ComputeSettings;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.testing.Call;
import io.bacalhau.transport.nats.testing.Cluster;
import io.bacalhau.transport.nats.testing.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real compute node behind the transport runs what the orchestrator sends it over NATS. */
class ComputeNodeOverNatsTest {
  @TempDir Path dir;

  @Test
  void aDirectBidRunsOnTheRemoteNodeAndItsResultComesBack() throws Exception {
    try (Cluster cluster = Cluster.start(dir.resolve("broker"))) {
      AtomicReference<ComputeNode> node = new AtomicReference<>();
      NatsLink link = cluster.link("compute-n-1", Cluster.TOKEN);
      ComputeTransport transport =
          new ComputeTransport(
              link,
              "n-1",
              () -> node.get().info(),
              ComputeTransportSettings.defaults(),
              Clock.systemUTC());
      ComputeSettings settings =
          new ComputeSettings(
              "n-1",
              Map.of("zone", "eu-1"),
              Fixtures.CAPACITY,
              List.of(),
              Map.of(),
              dir.resolve("executions"));
      try (ComputeNode compute =
              new ComputeNode(
                  EmbeddedNodeTestSupport.builtinRegistry(dir.resolve("data")),
                  transport,
                  settings,
                  Clock.systemUTC());
          transport) {
        node.set(compute);
        transport.start(compute);
        assertTrue(
            cluster.nodes.get("n-1").orElseThrow().info().engines().contains("noop"),
            "the node advertises the engines installed on it");

        Job job = Fixtures.job("j-1");
        cluster
            .orchestrator
            .channel("n-1")
            .orElseThrow()
            .askForBid(
                job, Fixtures.execution("e-1", job, "n-1", ExecutionDesiredStateType.RUNNING));

        List<Call> calls = new ArrayList<>();
        Call call;
        do {
          call = cluster.results.next(Duration.ofSeconds(30));
          calls.add(call);
        } while (!call.method().equals("runResult") && !call.method().equals("computeError"));
        assertEquals(Call.of("bidResult", "e-1", true, ""), calls.getFirst());
        assertEquals("runResult", call.method(), calls.toString());
        assertTrue(call.args().get(2).contains("hello"), call.args().toString());
      }
    }
  }
}
