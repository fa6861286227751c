package io.bacalhau.cli.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compute node that stops answering but keeps its TCP connection (SIGSTOP: the socket stays open,
 * nothing is read or sent). The orchestrator must go by heartbeats, not by the connection: the node
 * is disconnected after the disconnect timeout, its job moves to the other node and completes there
 * once; woken (SIGCONT), the node joins again and its stale run is cancelled.
 */
class SilentComputeNodeIT {
  /** Long enough that the stale run is still sleeping when its node wakes and is told to stop. */
  private static final long SLEEP_MILLIS = 30_000;

  @TempDir Path dir;

  @Test
  void aFrozenComputeNodeIsDisconnectedItsJobMovesAndItsStaleRunIsCancelledWhenItWakes()
      throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(dir).orchestrator()) {
      Map<String, Process> computes =
          Map.of(
              "silent-1", cluster.compute("silent-1", ClusterFixture.TOKEN),
              "silent-2", cluster.compute("silent-2", ClusterFixture.TOKEN));
      cluster.awaitNodes("both nodes connected", nodes -> connected(nodes) == 2);
      Path spec = dir.resolve("long.yaml");
      Files.writeString(
          spec,
          """
          Name: outlives-a-frozen-node
          Type: batch
          Tasks:
            - Name: main
              Engine: {Type: noop, Params: {SleepMillis: %d}}
          """
              .formatted(SLEEP_MILLIS));
      CliRunner.Result run =
          cluster.client().run("job", "run", spec.toString(), "--wait=false", "--id-only");
      assertEquals(0, run.exitCode(), run.toString());
      String id = run.out().strip();
      Execution first = running(cluster, id, null);
      long staleRunEnds = System.nanoTime() + Duration.ofMillis(SLEEP_MILLIS).toNanos();
      String frozen = first.nodeId();
      String other = frozen.equals("silent-1") ? "silent-2" : "silent-1";
      Process frozenProcess = computes.get(frozen);

      Signals.stop(frozenProcess.pid());
      try {
        NodeState gone =
            cluster
                .awaitNodes(
                    frozen + " disconnected",
                    nodes -> state(nodes, frozen).connection() == NodeConnection.DISCONNECTED)
                .stream()
                .filter(n -> n.info().nodeId().equals(frozen))
                .findFirst()
                .orElseThrow();
        assertEquals("heartbeat timeout", gone.connectionState().lastError(), gone.toString());
        Execution moved = running(cluster, id, other);
        assertEquals(other, moved.nodeId());
        Execution failed = execution(cluster, id, first.id());
        assertEquals(ExecutionStateType.FAILED, failed.computeStateType(), failed.toString());
        assertTrue(
            failed.computeState().message().contains("node has disappeared"),
            failed.computeState().message());
      } finally {
        Signals.resume(frozenProcess.pid());
      }

      // Woken, the node joins again by itself; the orchestrator cancels the run it still holds
      // (its heartbeat then counts no running execution) well before that run would have ended.
      cluster.awaitNodes(
          frozen + " back with no running execution",
          nodes -> {
            NodeState s = state(nodes, frozen);
            return s.connection() == NodeConnection.CONNECTED
                && s.info().computeNodeInfo().runningExecutions() == 0;
          });
      assertTrue(
          System.nanoTime() < staleRunEnds,
          "the stale run was not cancelled: its node ran it to its end");

      cluster.awaitJob(id, JobStateType.COMPLETED);
      Thread.sleep(Math.max(0, (staleRunEnds - System.nanoTime()) / 1_000_000) + 2_000);
      List<Execution> executions = cluster.executions(id);
      assertEquals(
          List.of(other),
          executions.stream()
              .filter(e -> e.computeStateType() == ExecutionStateType.COMPLETED)
              .map(Execution::nodeId)
              .toList(),
          executions.toString());
      assertEquals(
          ExecutionStateType.FAILED,
          execution(cluster, id, first.id()).computeStateType(),
          executions.toString());
      assertEquals(2, connected(cluster.api().nodes()), "both nodes connected after the fault");
    }
  }

  /** The execution of the job running (on {@code node} when given). */
  private static Execution running(ClusterFixture cluster, String jobId, String node)
      throws Exception {
    return ClusterFixture.await(
            "an execution running" + (node == null ? "" : " on " + node),
            () -> cluster.executions(jobId),
            es -> es.stream().anyMatch(e -> isRunning(e, node)))
        .stream()
        .filter(e -> isRunning(e, node))
        .findFirst()
        .orElseThrow();
  }

  private static boolean isRunning(Execution e, String node) {
    return e.computeStateType() == ExecutionStateType.RUNNING
        && (node == null || e.nodeId().equals(node));
  }

  private static Execution execution(ClusterFixture cluster, String jobId, String executionId) {
    return cluster.executions(jobId).stream()
        .filter(e -> e.id().equals(executionId))
        .findFirst()
        .orElseThrow();
  }

  static NodeState state(List<NodeState> nodes, String id) {
    return nodes.stream().filter(n -> n.info().nodeId().equals(id)).findFirst().orElseThrow();
  }

  static long connected(List<NodeState> nodes) {
    return nodes.stream().filter(n -> n.connection() == NodeConnection.CONNECTED).count();
  }
}
