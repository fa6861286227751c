package io.bacalhau.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestrator killed with SIGKILL mid-job and started again on its data dir: the job
 * completes, the compute nodes come back by themselves, and memberships are as they were.
 */
class OrchestratorRestartIT {
  private static final String MANUAL = "Orchestrator.NodeManager.ManualApproval=true";

  /**
   * How long the restarted orchestrator waits for its nodes to come back before their executions
   * move: the 3 s of the other tests is shorter than a loaded machine takes to start an
   * orchestrator and reconnect its nodes (the job then failed for want of nodes, seen once).
   */
  private static final String GRACE = "Orchestrator.NodeManager.DisconnectTimeout=20s";

  @TempDir Path dir;

  private static Map<String, String> states(List<NodeState> nodes) {
    return nodes.stream()
        .collect(
            Collectors.toMap(n -> n.info().nodeId(), n -> n.membership() + " " + n.connection()));
  }

  @Test
  void aJobRunningWhenTheOrchestratorIsKilledCompletesAfterItsRestart() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(dir).orchestrator(MANUAL, GRACE)) {
      cluster.compute("r-1", ClusterFixture.TOKEN);
      cluster.compute("r-2", ClusterFixture.TOKEN);
      cluster.awaitNodes(
          "both nodes pending",
          nodes ->
              nodes.stream()
                      .filter(n -> n.connection() == NodeConnection.CONNECTED)
                      .filter(n -> n.membership() == NodeMembership.PENDING)
                      .count()
                  == 2);
      CliRunner client = cluster.client();
      assertEquals(0, client.run("node", "approve", "r-1").exitCode());
      Path spec = dir.resolve("long.yaml");
      Files.writeString(
          spec,
          """
          Name: outlives-its-orchestrator
          Type: batch
          Tasks:
            - Name: main
              Engine: {Type: noop, Params: {SleepMillis: 6000}}
          """);
      CliRunner.Result run = client.run("job", "run", spec.toString(), "--wait=false", "--id-only");
      assertEquals(0, run.exitCode(), run.toString());
      String id = run.out().strip();
      ClusterFixture.await(
          "the execution running",
          () -> cluster.executions(id),
          es -> es.stream().anyMatch(e -> e.computeStateType() == ExecutionStateType.RUNNING));

      cluster.orchestratorProcess().destroyForcibly().waitFor(); // kill -9
      cluster.orchestrator(MANUAL, GRACE);

      cluster.awaitJob(id, JobStateType.COMPLETED);
      List<Execution> executions = cluster.executions(id);
      assertEquals(
          List.of("r-1"),
          executions.stream().map(Execution::nodeId).toList(),
          executions.stream()
              .map(e -> e.id() + " " + e.computeState() + " " + e.desiredState())
              .toList()
              .toString());
      Map<String, String> after =
          states(
              cluster.awaitNodes(
                  "both nodes back",
                  nodes ->
                      nodes.stream().filter(n -> n.connection() == NodeConnection.CONNECTED).count()
                          == 2));
      assertEquals(Map.of("r-1", "APPROVED CONNECTED", "r-2", "PENDING CONNECTED"), after);
    }
  }
}
