package io.bacalhau.cli.cluster;

import static io.bacalhau.cli.cluster.SilentComputeNodeIT.connected;
import static io.bacalhau.cli.cluster.SilentComputeNodeIT.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NodeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NATS broker unresponsive for longer than the disconnect timeout. SIGSTOP rather than a kill:
 * the orchestrator restarts a dead nats-server at once, but a frozen one is still there, so the
 * outage lasts as long as the test wants while every connection stays open. The nodes are
 * disconnected while it lasts, the API still takes jobs, and once the broker answers again the
 * nodes join by themselves and every job, the interrupted one and those taken meanwhile, completes
 * with one completed execution.
 */
class BrokerOutageIT {
  @TempDir Path dir;

  @Test
  void nodesDisconnectedWhileTheBrokerIsFrozenRejoinAfterAndEveryJobCompletesOnce()
      throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(dir).orchestrator()) {
      cluster.compute("b-1", ClusterFixture.TOKEN);
      cluster.compute("b-2", ClusterFixture.TOKEN);
      cluster.awaitNodes("both nodes connected", nodes -> connected(nodes) == 2);
      CliRunner client = cluster.client();
      String interrupted = submit(client, "interrupted-by-the-outage", 5_000);
      ClusterFixture.await(
          "an execution running",
          () -> cluster.executions(interrupted),
          es -> es.stream().anyMatch(e -> e.computeStateType() == ExecutionStateType.RUNNING));
      ProcessHandle broker =
          cluster
              .orchestratorProcess()
              .descendants()
              .filter(p -> p.info().command().orElse("").endsWith("nats-server"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no nats-server under the orchestrator"));

      Signals.stop(broker.pid());
      String submittedDuringOutage;
      try {
        List<NodeState> down =
            cluster.awaitNodes("both nodes disconnected", nodes -> connected(nodes) == 0);
        for (String node : List.of("b-1", "b-2")) {
          assertEquals(
              "heartbeat timeout",
              state(down, node).connectionState().lastError(),
              down.toString());
        }
        submittedDuringOutage = submit(client, "submitted-during-the-outage", 500);
        ClusterFixture.await(
            "the interrupted execution failed",
            () -> cluster.executions(interrupted),
            es ->
                es.stream()
                    .anyMatch(
                        e ->
                            e.computeStateType() == ExecutionStateType.FAILED
                                && e.computeState().message().contains("node has disappeared")));
        Thread.sleep(2_000); // longer than the disconnect timeout plus one health check
        assertEquals(
            0, connected(cluster.api().nodes()), "a node rejoined through a frozen broker");
      } finally {
        Signals.resume(broker.pid());
      }

      cluster.awaitNodes("both nodes back", nodes -> connected(nodes) == 2);
      for (String id : List.of(interrupted, submittedDuringOutage)) {
        cluster.awaitJob(id, JobStateType.COMPLETED);
      }
      String after = submit(client, "after-the-outage", 100);
      cluster.awaitJob(after, JobStateType.COMPLETED);
      Thread.sleep(3_000); // late reports of the interrupted run would land by now
      for (String id : List.of(interrupted, submittedDuringOutage, after)) {
        List<Execution> executions = cluster.executions(id);
        assertEquals(
            1,
            executions.stream()
                .filter(e -> e.computeStateType() == ExecutionStateType.COMPLETED)
                .count(),
            id + ": " + executions);
      }
      assertTrue(
          cluster.api().describe(interrupted, "default", 0).history().stream()
              .anyMatch(h -> String.valueOf(h).contains("node has disappeared")),
          "the interrupted job's history says why its execution failed");
    }
  }

  /** A noop job that sleeps, waiting up to 2 minutes for a node; returns its id. */
  private String submit(CliRunner client, String name, long sleepMillis) throws Exception {
    Path spec = dir.resolve(name + ".yaml");
    Files.writeString(
        spec,
        """
        Name: %s
        Type: batch
        Tasks:
          - Name: main
            Timeouts: {QueueTimeout: 120}
            Engine: {Type: noop, Params: {SleepMillis: %d}}
        """
            .formatted(name, sleepMillis));
    CliRunner.Result run = client.run("job", "run", spec.toString(), "--wait=false", "--id-only");
    assertEquals(0, run.exitCode(), run.toString());
    return run.out().strip();
  }
}
