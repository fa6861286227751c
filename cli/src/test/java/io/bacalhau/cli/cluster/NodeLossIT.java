package io.bacalhau.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NodeConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compute process killed with SIGKILL mid-job: its execution moves to another node. */
class NodeLossIT {
  @TempDir Path dir;

  @Test
  void aJobOnAKilledComputeNodeIsRescheduledAndCompletes() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(dir).orchestrator()) {
      Map<String, Process> computes =
          Map.of(
              "loss-1", cluster.compute("loss-1", ClusterFixture.TOKEN),
              "loss-2", cluster.compute("loss-2", ClusterFixture.TOKEN));
      cluster.awaitNodes(
          "both nodes connected",
          nodes ->
              nodes.stream().filter(n -> n.connection() == NodeConnection.CONNECTED).count() == 2);
      Path spec = dir.resolve("long.yaml");
      Files.writeString(
          spec,
          """
          Name: outlives-its-node
          Type: batch
          Tasks:
            - Name: main
              Engine: {Type: noop, Params: {SleepMillis: 8000}}
          """);
      CliRunner.Result run =
          cluster.client().run("job", "run", spec.toString(), "--wait=false", "--id-only");
      assertEquals(0, run.exitCode(), run.toString());
      String id = run.out().strip();
      Execution first =
          ClusterFixture.await(
                  "an execution running",
                  () -> cluster.executions(id),
                  es ->
                      es.stream().anyMatch(e -> e.computeStateType() == ExecutionStateType.RUNNING))
              .stream()
              .filter(e -> e.computeStateType() == ExecutionStateType.RUNNING)
              .findFirst()
              .orElseThrow();
      String lost = first.nodeId();
      String other = lost.equals("loss-1") ? "loss-2" : "loss-1";
      computes.get(lost).destroyForcibly().waitFor(); // kill -9

      cluster.awaitJob(id, JobStateType.COMPLETED);
      List<Execution> executions = cluster.executions(id);
      Execution failed =
          executions.stream().filter(e -> e.id().equals(first.id())).findFirst().orElseThrow();
      assertEquals(ExecutionStateType.FAILED, failed.computeStateType(), executions.toString());
      assertTrue(
          failed.computeState().message().contains("node has disappeared"),
          failed.computeState().message());
      assertTrue(
          executions.stream()
              .anyMatch(
                  e ->
                      e.nodeId().equals(other)
                          && e.computeStateType() == ExecutionStateType.COMPLETED),
          executions.toString());
    }
  }
}
