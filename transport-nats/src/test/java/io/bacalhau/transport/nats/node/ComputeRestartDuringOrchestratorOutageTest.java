package io.bacalhau.transport.nats.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.identity.SystemMetadata;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.node.NodeCluster;
import io.bacalhau.core.node.NodeRoles;
import io.bacalhau.core.node.NodeSetup;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import io.bacalhau.transport.nats.broker.NatsBroker;
import io.bacalhau.transport.nats.testing.Cluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compute node restarted while its orchestrator was down too. The new orchestrator knew the
 * node's process start time only from memory, so it could not see the node had restarted: the
 * execution the old process held stayed Running though nothing ran it, until the node was lost some
 * other way (never, as it kept heartbeating). The start time is now kept with the membership.
 */
class ComputeRestartDuringOrchestratorOutageTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void theRunTheOldComputeProcessHeldIsFailedAsRestartedAndPlacedAgain() throws Exception {
    try (NatsBroker nats = Cluster.broker(dir.resolve("nats"))) {
      String url = nats.clientUrl();
      String nodeId = SystemMetadata.loadOrCreate(dir.resolve("compute")).nodeName();
      String jobId;
      String firstRun;
      try (OrchestratorProcess orchestrator = new OrchestratorProcess(url);
          ComputeProcess compute = new ComputeProcess(url, nodeId)) {
        compute.join();
        Job job = EmbeddedNodeTestSupport.noopJob("outlived", Map.of("SleepMillis", 3000));
        jobId = orchestrator.client.submit(job, false).jobId();
        firstRun = orchestrator.awaitRunning(jobId).id();
        // Both processes end now: the orchestrator first, so it never hears the node leave.
        orchestrator.close();
      }

      try (ComputeProcess restarted = new ComputeProcess(url, nodeId)) {
        // It keeps trying to join until an orchestrator answers.
        CompletableFuture<Void> joining = CompletableFuture.runAsync(restarted::join);
        // The worst order, and the usual one: the node handshakes as soon as the transport
        // listens, before the orchestrator is built (the restart was then heard by nobody).
        try (OrchestratorProcess orchestrator = new OrchestratorProcess(url, joining)) {
          Job ended = EmbeddedNodeTestSupport.awaitTerminal(orchestrator.client, jobId, WAIT);

          List<Execution> runs = orchestrator.client.executions(jobId, 0);
          String described =
              runs.stream().map(e -> e.id() + " " + e.computeState()).toList().toString();
          assertEquals(JobStateType.COMPLETED, ended.stateType(), described);
          assertEquals(2, runs.size(), described);
          Execution old = runs.stream().filter(e -> e.id().equals(firstRun)).findFirst().get();
          assertEquals(ExecutionStateType.FAILED, old.computeStateType(), described);
          assertEquals("node has disappeared", old.computeState().message());
          assertTrue(
              runs.stream()
                  .anyMatch(
                      e ->
                          e.nodeId().equals(nodeId)
                              && e.computeStateType() == ExecutionStateType.COMPLETED),
              described);
          List<String> events =
              orchestrator.client.history(jobId, HistoryQuery.everything()).stream()
                  .filter(h -> firstRun.equals(h.executionId()))
                  .map(JobHistory::event)
                  .map(e -> e.message())
                  .toList();
          assertTrue(
              events.contains("Execution failed: node has disappeared (node restarted)"),
              events.toString());
        }
      }
    }
  }

  /** The counterpart: a node that kept running through the orchestrator's restart keeps its run. */
  @Test
  void aComputeNodeThatKeptRunningKeepsItsRunThroughTheOrchestratorsRestart() throws Exception {
    try (NatsBroker nats = Cluster.broker(dir.resolve("nats"))) {
      String url = nats.clientUrl();
      String nodeId = SystemMetadata.loadOrCreate(dir.resolve("compute")).nodeName();
      try (ComputeProcess compute = new ComputeProcess(url, nodeId)) {
        String jobId;
        String run;
        try (OrchestratorProcess orchestrator = new OrchestratorProcess(url)) {
          compute.join();
          Job job = EmbeddedNodeTestSupport.noopJob("kept", Map.of("SleepMillis", 3000));
          jobId = orchestrator.client.submit(job, false).jobId();
          run = orchestrator.awaitRunning(jobId).id();
        }
        try (OrchestratorProcess orchestrator = new OrchestratorProcess(url)) {
          Job ended = EmbeddedNodeTestSupport.awaitTerminal(orchestrator.client, jobId, WAIT);
          List<Execution> runs = orchestrator.client.executions(jobId, 0);
          String described =
              runs.stream().map(e -> e.id() + " " + e.computeState()).toList().toString();
          assertEquals(JobStateType.COMPLETED, ended.stateType(), described);
          assertEquals(List.of(run), runs.stream().map(Execution::id).toList(), described);
        }
      }
    }
  }

  private BacalhauConfig config(Path home, String... overrides) {
    return new ConfigLoader()
        .load(
            new ConfigInputs(
                Map.of("HOME", home.toString()), home, List.of(overrides), null, null, null));
  }

  private static SchedulerSettings scheduler() {
    return new SchedulerSettings(2, Duration.ofMillis(200));
  }

  /** {@code serve --orchestrator} on the test's NATS server and its own data dir. */
  private final class OrchestratorProcess implements AutoCloseable {
    final OrchestratorSide side;
    final EmbeddedNodeClient client;
    private boolean closed;

    OrchestratorProcess(String url) throws Exception {
      this(url, null);
    }

    /**
     * @param joined when not null, done once a node joined: the orchestrator is built after that
     */
    OrchestratorProcess(String url, CompletableFuture<Void> joined) throws Exception {
      Path home = dir.resolve("orchestrator");
      OrchestratorSettings settings =
          OrchestratorSettings.from(
              config(
                  home,
                  "DataDir=" + home,
                  "Orchestrator.NATS.URL=" + url,
                  "Orchestrator.Auth.Token=" + Cluster.TOKEN,
                  // Far longer than the test: only a restart seen at the handshake moves the run.
                  "Orchestrator.NodeManager.DisconnectTimeout=10m"));
      side = OrchestratorSide.start(settings);
      if (joined != null) {
        joined.get(30, TimeUnit.SECONDS);
      }
      client =
          new EmbeddedNodeClient(
              NodeSetup.builtinOnly(home)
                  .withOptions(EmbeddedNodeTestSupport.options(home, scheduler())),
              () -> EmbeddedNodeTestSupport.builtinRegistry(home),
              () -> {},
              NodeCluster.orchestrator(NodeRoles.ORCHESTRATOR, side.directory(), side::channel));
      client.startWorking();
      side.bind(client.node().orchestrator());
    }

    Execution awaitRunning(String jobId) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        for (Execution e : client.executions(jobId, 0)) {
          if (e.computeStateType() == ExecutionStateType.RUNNING) {
            return e;
          }
        }
        client.awaitChange(Duration.ofMillis(200));
      }
      throw new AssertionError("no execution of " + jobId + " running: " + client.job(jobId, ""));
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        side.close();
        client.close();
      }
    }
  }

  /** {@code serve --compute} of one node id, on the same data dir each time it starts. */
  private final class ComputeProcess implements AutoCloseable {
    final ComputeSide side;
    final EmbeddedNodeClient client;

    ComputeProcess(String url, String nodeId) {
      Path home = dir.resolve("compute");
      side =
          ComputeSide.connect(
              ComputeSettings.from(
                  config(
                      home,
                      "DataDir=" + home,
                      "Compute.Orchestrators=" + url,
                      "Compute.Auth.Token=" + Cluster.TOKEN,
                      "Compute.Heartbeat.Interval=200ms")),
              nodeId);
      client =
          new EmbeddedNodeClient(
              NodeSetup.builtinOnly(home)
                  .withOptions(EmbeddedNodeTestSupport.options(home, scheduler())),
              () -> EmbeddedNodeTestSupport.builtinRegistry(home),
              () -> {},
              NodeCluster.compute(side.callback()));
    }

    void join() {
      client.startWorking();
      side.join(() -> client.node().info(), client.node().compute());
    }

    @Override
    public void close() {
      side.close();
      client.close();
    }
  }
}
