package io.bacalhau.core.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.models.TimeoutConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement over several real compute nodes in one JVM, as Bacalhau places: Count N on N distinct
 * nodes, each node told only of its own executions; too few nodes queue or fail saying why; a job
 * goes to an idle node rather than behind a busy one.
 */
class ClusterPlacementTest {
  @TempDir Path dir;

  static Job job(JobType type, int count, Map<String, Object> params, TimeoutConfig timeouts) {
    return Job.builder()
        .name("")
        .type(type)
        .count(count)
        .task(
            Task.builder()
                .name("main")
                .engine(SpecConfig.of("noop", params))
                .timeouts(timeouts)
                .build())
        .build();
  }

  static Job batch(int count) {
    return job(JobType.BATCH, count, Map.of(), TimeoutConfig.NONE);
  }

  @Test
  void countThreeLandsOneExecutionOnEachNodeAndEachNodeGetsOnlyItsOwnMessages() throws Exception {
    try (InProcessCluster c =
        new InProcessCluster(dir).node("n-1").node("n-2").node("n-3").start()) {
      String jobId = c.orchestrator.submit(batch(3), false).jobId();
      c.await(jobId, j -> j.stateType() == JobStateType.COMPLETED);
      List<Execution> executions = c.executions(jobId);
      assertEquals(3, executions.size(), executions.toString());
      assertEquals(
          Set.of("n-1", "n-2", "n-3"),
          executions.stream().map(Execution::nodeId).collect(Collectors.toSet()));
      for (String node : List.of("n-1", "n-2", "n-3")) {
        String mine =
            executions.stream().filter(e -> e.nodeId().equals(node)).findFirst().orElseThrow().id();
        assertEquals(
            List.of(
                new InProcessCluster.Sent("askForBid", mine),
                new InProcessCluster.Sent("bidAccepted", mine)),
            c.sent(node),
            node + " got messages of other nodes' executions");
      }
    }
  }

  @Test
  void countThreeOnTwoNodesFailsWithNotEnoughNodesWhenItMayNotQueue() throws Exception {
    try (InProcessCluster c = new InProcessCluster(dir).node("n-1").node("n-2").start()) {
      String jobId = c.orchestrator.submit(batch(3), false).jobId();
      Job failed = c.await(jobId, j -> j.stateType() == JobStateType.FAILED);
      assertTrue(
          failed
              .state()
              .message()
              .startsWith("not enough nodes to run job. requested: 3, available: 2, suitable: 2."),
          failed.state().message());
      assertEquals(List.of(), c.executions(jobId), "no partition started on a node of another");
    }
  }

  @Test
  void aQueuedJobSaysWhatItWaitsForAndRunsWhenEnoughNodesJoin() throws Exception {
    try (InProcessCluster c =
        new InProcessCluster(dir).node("n-1").nodeWithoutNoop("n-2").start()) {
      Job spec = job(JobType.BATCH, 2, Map.of("SleepMillis", 300), new TimeoutConfig(0, 600, 0));
      String jobId = c.orchestrator.submit(spec, false).jobId();
      c.awaitThat("one partition placed", () -> c.executions(jobId).size() == 1);
      String history =
          c.store.read(
              r ->
                  r.history(jobId, new io.bacalhau.core.client.HistoryQuery(0, true, "all", "", 0))
                      .toString());
      assertTrue(
          history.contains("Job queued. not enough nodes to run job. requested: 2"), history);
      assertTrue(history.contains("does not support engine noop"), history);
      c.join("n-3");
      c.await(jobId, j -> j.stateType() == JobStateType.COMPLETED);
      Set<String> nodes =
          c.executions(jobId).stream()
              .filter(e -> e.computeStateType() == ExecutionStateType.COMPLETED)
              .map(Execution::nodeId)
              .collect(Collectors.toSet());
      assertEquals(2, nodes.size(), "two partitions on two distinct nodes: " + nodes);
      assertTrue(!nodes.contains("n-2"), nodes.toString());
    }
  }

  @Test
  void aJobNeverWaitsBehindABusyNodeWhileAMatchingIdleOneExists() throws Exception {
    try (InProcessCluster c = new InProcessCluster(dir).node("n-1").node("n-2").start()) {
      Map<String, Object> slow = Map.of("SleepMillis", 2000);
      for (int round = 0; round < 3; round++) {
        String first =
            c.orchestrator.submit(job(JobType.BATCH, 1, slow, TimeoutConfig.NONE), false).jobId();
        String second =
            c.orchestrator.submit(job(JobType.BATCH, 1, slow, TimeoutConfig.NONE), false).jobId();
        c.awaitThat(
            "both placed",
            () -> c.executions(first).size() == 1 && c.executions(second).size() == 1);
        assertNotEquals(
            c.executions(first).get(0).nodeId(),
            c.executions(second).get(0).nodeId(),
            "the second job was queued behind the first on a busy node while another was idle");
        c.await(first, j -> j.stateType().isTerminal());
        c.await(second, j -> j.stateType().isTerminal());
      }
    }
  }
}
