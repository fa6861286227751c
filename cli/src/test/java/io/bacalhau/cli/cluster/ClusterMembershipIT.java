package io.bacalhau.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeMembership;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may join an orchestrator with {@code Orchestrator.NodeManager.ManualApproval}: real serve
 * processes and a real nats-server on 127.0.0.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterMembershipIT {
  @TempDir static Path dir;
  private ClusterFixture cluster;

  @BeforeAll
  void start() throws Exception {
    cluster = new ClusterFixture(dir).orchestrator("Orchestrator.NodeManager.ManualApproval=true");
  }

  @AfterAll
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aNewNodeIsPendingAndGetsNoWorkUntilApproved() throws Exception {
    cluster.compute("edge-1", ClusterFixture.TOKEN);
    cluster.awaitNodes(
        "edge-1 pending and connected",
        nodes ->
            nodes.stream()
                .anyMatch(
                    n ->
                        n.info().nodeId().equals("edge-1")
                            && n.membership() == NodeMembership.PENDING
                            && n.connection() == NodeConnection.CONNECTED));
    CliRunner client = cluster.client();
    CliRunner.Result list = client.run("node", "list");
    assertTrue(
        list.out().lines().anyMatch(l -> l.contains("edge-1") && l.contains("PENDING")),
        list.out());

    Path spec = dir.resolve("queued.yaml");
    Files.writeString(
        spec,
        """
        Name: waits-for-approval
        Type: batch
        Constraints:
          - {Key: name, Operator: "=", Values: [edge-1]}
        Tasks:
          - Name: main
            Engine: {Type: noop}
            Timeouts: {QueueTimeout: 300}
        """);
    CliRunner.Result run = client.run("job", "run", spec.toString(), "--wait=false", "--id-only");
    assertEquals(0, run.exitCode(), run.toString());
    String id = run.out().strip();
    Thread.sleep(3000); // six heartbeats: time enough to be placed, were it allowed
    assertEquals(List.of(), cluster.executions(id), "a pending node got work");
    assertFalse(cluster.api().job(id, "default").stateType().isTerminal());

    CliRunner.Result approve = client.run("node", "approve", "edge-1");
    assertEquals(0, approve.exitCode(), approve.toString());
    cluster.awaitJob(id, JobStateType.COMPLETED);
    assertEquals(
        List.of("edge-1"), cluster.executions(id).stream().map(Execution::nodeId).toList());

    CliRunner.Result again = client.run("node", "approve", "edge-1");
    assertEquals(1, again.exitCode(), again.toString());
    assertTrue(again.err().contains("already approved"), again.toString());
  }

  @Test
  void aComputeNodeWithTheWrongTokenIsRefusedWithAClearMessageOnBothSides() throws Exception {
    Process intruder = cluster.compute("intruder", "not-the-token");
    assertTrue(intruder.waitFor(60, TimeUnit.SECONDS), "a refused node exits");
    assertEquals(1, intruder.exitValue());
    String log = Files.readString(cluster.log("intruder"));
    assertTrue(log.contains("refused this node's token"), log);
    assertTrue(log.contains("Compute.Auth.Token"), log);
    String orchestrator =
        ClusterFixture.await(
            "the orchestrator's log names the refusal",
            () -> Files.readString(cluster.orchestratorLog()),
            s -> s.contains("refused a client"));
    assertTrue(orchestrator.contains("wrong or missing token"), orchestrator);
    assertTrue(cluster.api().nodes().stream().noneMatch(n -> n.info().nodeId().equals("intruder")));
  }
}
