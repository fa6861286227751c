package io.bacalhau.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NodeConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job placed by a restarted orchestrator on a node that has not handshaken with it yet. On a NATS
 * server that outlives the orchestrator ({@code Orchestrator.NATS.URL}) the node notices the
 * restart only at its next heartbeat (20 s here); the restarted orchestrator loads the node as
 * connected and places on it at once. Its bid request was dropped and the job waited for a bid that
 * never came; it now waits in the node's outbox and the job completes after the handshake.
 */
class WorkAfterOrchestratorRestartIT {
  private static final String GRACE = "Orchestrator.NodeManager.DisconnectTimeout=90s";

  @TempDir Path dir;

  @Test
  void aJobPlacedBeforeTheNodesNewHandshakeCompletes() throws Exception {
    int port = ClusterFixture.freePort();
    try (OperatorNatsServer nats =
        new OperatorNatsServer(port, ClusterFixture.TOKEN, dir.resolve("nats-server.log"))
            .start()) {
      String url = "Orchestrator.NATS.URL=" + nats.url();
      runOn(port, url);
    }
  }

  private void runOn(int port, String url) throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(dir).orchestrator(url, GRACE)) {
      cluster.compute(
          "w-1",
          ClusterFixture.TOKEN,
          "Compute.Orchestrators=127.0.0.1:" + port,
          "Compute.Heartbeat.Interval=20s");
      cluster.awaitNodes(
          "the node connected",
          nodes -> nodes.stream().anyMatch(n -> n.connection() == NodeConnection.CONNECTED));

      cluster.orchestratorProcess().destroyForcibly().waitFor(); // kill -9
      cluster.orchestrator(url, GRACE);
      Path spec = dir.resolve("quick.yaml");
      Files.writeString(
          spec,
          """
          Type: batch
          Tasks:
            - Name: main
              Engine: {Type: noop}
          """);
      CliRunner.Result run =
          cluster.client().run("job", "run", spec.toString(), "--wait=false", "--id-only");
      assertEquals(0, run.exitCode(), run.toString());
      String id = run.out().strip();

      cluster.awaitJob(id, JobStateType.COMPLETED);
      List<Execution> executions = cluster.executions(id);
      assertEquals(1, executions.size(), executions.toString());
      assertEquals(ExecutionStateType.COMPLETED, executions.getFirst().computeStateType());
    }
  }
}
