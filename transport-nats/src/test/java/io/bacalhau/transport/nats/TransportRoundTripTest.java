package io.bacalhau.transport.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.transport.nats.compute.ComputeTransport;
import io.bacalhau.transport.nats.orchestrator.RemoteComputeChannel;
import io.bacalhau.transport.nats.testing.Call;
import io.bacalhau.transport.nats.testing.Cluster;
import io.bacalhau.transport.nats.testing.Fixtures;
import io.bacalhau.transport.nats.testing.RecordingCallback;
import io.bacalhau.transport.nats.testing.RecordingChannel;
import io.bacalhau.transport.nats.testing.Samples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every call crosses a real nats-server and arrives on the other side as the same call. */
class TransportRoundTripTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private Cluster cluster;
  private final RecordingChannel computeSide = new RecordingChannel();
  private ComputeTransport compute;

  @BeforeEach
  void start() {
    cluster = Cluster.start(dir);
    compute = cluster.join(() -> Fixtures.node("n-1"), computeSide, Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void theHandshakeRegistersWhatTheNodeAdvertises() {
    NodeState state = cluster.nodes.get("n-1").orElseThrow();
    assertEquals("CONNECTED", state.connection().label());
    assertEquals("APPROVED", state.membership().label());
    assertEquals(List.of("noop", "wasm"), state.info().engines());
    assertEquals(List.of("local"), state.info().publishers());
    assertEquals(List.of("urlDownload"), state.info().storageSources());
    assertEquals(Fixtures.CAPACITY, state.info().maxCapacity());
    assertEquals("eu-1", state.info().labels().get("zone"));
    assertEquals("v1.7.0", state.info().bacalhauVersion().gitVersion());
    assertTrue(compute.joined());
  }

  @Test
  void everyOrchestratorMessageReachesTheComputeNode() throws Exception {
    RemoteComputeChannel channel = cluster.orchestrator.channel("n-1").orElseThrow();
    Job job = Fixtures.job("j-1");
    var ask = Fixtures.execution("e-1", job, "n-1", ExecutionDesiredStateType.PENDING);
    var run = Fixtures.execution("e-1", job, "n-1", ExecutionDesiredStateType.RUNNING);
    channel.askForBid(job, ask);
    channel.bidAccepted(job, run);
    channel.bidRejected("e-2", "another node won");
    channel.cancel("e-1", "job stopped by user");
    assertEquals(
        List.of(
            Call.of("askForBid", job, ask),
            Call.of("bidAccepted", job, run),
            Call.of("bidRejected", "e-2", "another node won"),
            Call.of("cancel", "e-1", "job stopped by user")),
        computeSide.take(4, WAIT));
  }

  @Test
  void everyComputeReportReachesTheOrchestrator() throws Exception {
    RunCommandResult output = new RunCommandResult("out", false, "err", true, 3, "");
    SpecConfig published = SpecConfig.of("local", Map.of("URL", "http://127.0.0.1/e-1.tgz"));
    Event pulled = Event.of(HistoryTopics.RUNNING_EXECUTION, "pulled image", Samples.AT);
    BacalhauException error = Samples.error();
    compute.bidResult("e-1", true, "");
    compute.bidResult("e-2", false, "does not support docker");
    compute.progressed("e-1", ExecutionStateType.RUNNING);
    compute.event("e-1", pulled);
    compute.runResult("e-1", published, output);
    compute.computeError("e-3", error, output);
    compute.cancelled("e-4", "job stopped by user");
    assertEquals(
        List.of(
            Call.of("bidResult", "e-1", true, ""),
            Call.of("bidResult", "e-2", false, "does not support docker"),
            Call.of("progressed", "e-1", ExecutionStateType.RUNNING),
            Call.of("event", "e-1", pulled),
            Call.of("runResult", "e-1", published, output),
            // The structured fields survive, so retry logic reads the same error here.
            Call.of("computeError", "e-3", RecordingCallback.fields(error), output),
            Call.of("cancelled", "e-4", "job stopped by user")),
        cluster.results.take(7, WAIT));
  }

  @Test
  void aNodeThatLeavesSaysSoAndIsDisconnectedAtOnce() {
    compute.close();
    NodeState state = cluster.nodes.get("n-1").orElseThrow();
    assertEquals("DISCONNECTED", state.connection().label());
    assertEquals("graceful shutdown", state.connectionState().lastError());
  }

  @Test
  void aRejectedNodeIsRefusedAtItsNextHandshakeWithTheReasonOnBothSides() {
    compute.close();
    cluster.nodes.reject("n-1");
    ComputeTransport again =
        cluster.unstarted("n-1", () -> Fixtures.node("n-1"), Duration.ofSeconds(30));
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> again.start(new RecordingChannel()));
    assertTrue(
        e.getMessage()
            .contains("the orchestrator refused compute node n-1: node has been rejected"),
        e.getMessage());
  }

  @Test
  void aNodeIdThatWouldAddressOtherSubjectsIsRefused() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> cluster.unstarted("n.*", () -> Fixtures.node("n.*"), Duration.ofSeconds(30)));
    assertTrue(e.getMessage().contains("node ID 'n.*' cannot be used on NATS"), e.getMessage());
  }
}
