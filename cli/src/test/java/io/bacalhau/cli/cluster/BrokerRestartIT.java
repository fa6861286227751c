package io.bacalhau.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NodeConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NATS server dies mid-burst of jobs: an orchestrator process on an existing nats-server
 * ({@code Orchestrator.NATS.URL}) and two compute processes; the server is killed with SIGKILL
 * while jobs are submitted and started again on the same port. Every job completes, each with one
 * execution: none is lost in the outage and none runs twice when the streams are resent after it.
 */
class BrokerRestartIT {
  private static final int BEFORE = 10;
  private static final int DURING = 10;

  @TempDir Path dir;

  @Test
  void aBrokerKilledMidBurstAndRestartedLosesAndRepeatsNoExecution() throws Exception {
    int port = ClusterFixture.freePort();
    String nodesUrl = "Compute.Orchestrators=127.0.0.1:" + port;
    try (OperatorNatsServer nats =
            new OperatorNatsServer(port, ClusterFixture.TOKEN, dir.resolve("nats-server.log"))
                .start();
        ClusterFixture cluster =
            new ClusterFixture(dir)
                .orchestrator(
                    "Orchestrator.NATS.URL=" + "nats://127.0.0.1:" + port,
                    // The outage is a few seconds; nodes must not count as lost meanwhile.
                    "Orchestrator.NodeManager.DisconnectTimeout=30s")) {
      cluster.compute("b-1", ClusterFixture.TOKEN, nodesUrl);
      cluster.compute("b-2", ClusterFixture.TOKEN, nodesUrl);
      awaitBothConnected(cluster);
      Path spec = dir.resolve("short.yaml");
      Files.writeString(
          spec,
          """
          Type: batch
          Tasks:
            - Name: main
              Engine: {Type: noop, Params: {SleepMillis: 1500}}
          """);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < BEFORE; i++) {
        ids.add(submit(cluster, spec));
      }
      nats.kill();
      for (int i = 0; i < DURING; i++) {
        ids.add(submit(cluster, spec)); // placed while no message can reach a node
      }
      Thread.sleep(2000);
      nats.start();
      awaitBothConnected(cluster);
      ids.add(submit(cluster, spec)); // and after

      for (String id : ids) {
        cluster.awaitJob(id, JobStateType.COMPLETED);
      }
      for (String id : ids) {
        List<Execution> executions = cluster.executions(id);
        assertEquals(1, executions.size(), "job " + id + ": " + executions);
        assertEquals(
            ExecutionStateType.COMPLETED,
            executions.getFirst().computeStateType(),
            "job " + id + ": " + executions);
      }
    }
  }

  private static String submit(ClusterFixture cluster, Path spec) {
    CliRunner.Result run =
        cluster.client().run("job", "run", spec.toString(), "--wait=false", "--id-only");
    assertEquals(0, run.exitCode(), run.toString());
    return run.out().strip();
  }

  private static void awaitBothConnected(ClusterFixture cluster) throws Exception {
    cluster.awaitNodes(
        "both compute nodes connected",
        nodes ->
            nodes.stream().filter(n -> n.connection() == NodeConnection.CONNECTED).count() == 2);
  }
}
