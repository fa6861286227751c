package io.bacalhau.core.orchestrator;

import static io.bacalhau.core.orchestrator.ClusterPlacementTest.batch;
import static io.bacalhau.core.orchestrator.ClusterPlacementTest.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.TimeoutConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compute node that leaves: its executions fail with "node has disappeared" and run elsewhere;
 * when it comes back, what it still runs of them is cancelled; nodes that join later get daemon
 * jobs.
 */
class NodeLossTest {
  @TempDir Path dir;

  private static final Map<String, Object> SLOW = Map.of("SleepMillis", 60_000);

  private static Execution only(InProcessCluster c, String jobId) {
    List<Execution> all = c.executions(jobId);
    assertEquals(1, all.size(), all.toString());
    return all.get(0);
  }

  /** Submits a long job and waits until it runs; returns its execution. */
  private static Execution running(InProcessCluster c, String jobId) throws InterruptedException {
    c.awaitThat(
        "the execution runs",
        () ->
            c.executions(jobId).stream()
                .anyMatch(e -> e.computeStateType() == ExecutionStateType.RUNNING));
    return only(c, jobId);
  }

  @Test
  void aNodeThatLeavesHasItsExecutionsFailedAsDisappearedAndPlacedOnAnotherNode() throws Exception {
    try (InProcessCluster c = new InProcessCluster(dir).node("n-1").node("n-2").start()) {
      String jobId =
          c.orchestrator.submit(job(JobType.BATCH, 1, SLOW, TimeoutConfig.NONE), false).jobId();
      Execution lost = running(c, jobId);
      c.cut(lost.nodeId());
      c.awaitThat("placed again", () -> c.executions(jobId).size() == 2);
      Execution failed =
          c.executions(jobId).stream().filter(e -> e.id().equals(lost.id())).findFirst().get();
      assertEquals(ExecutionStateType.FAILED, failed.computeStateType());
      assertEquals("node has disappeared", failed.computeState().message());
      Execution again =
          c.executions(jobId).stream().filter(e -> !e.id().equals(lost.id())).findFirst().get();
      assertNotEquals(lost.nodeId(), again.nodeId());
      assertTrue(
          c.sent(lost.nodeId()).stream().noneMatch(s -> s.executionId().equals(again.id())),
          "the replacement was sent to the node that left");
      c.orchestrator.stop(jobId, "default", "test over");
    }
  }

  @Test
  void staleExecutionsAreCancelledWhenTheNodeComesBack() throws Exception {
    try (InProcessCluster c = new InProcessCluster(dir).node("n-1").node("n-2").start()) {
      String jobId =
          c.orchestrator.submit(job(JobType.BATCH, 1, SLOW, TimeoutConfig.NONE), false).jobId();
      Execution lost = running(c, jobId);
      String node = lost.nodeId();
      c.cut(node);
      c.awaitThat("placed again", () -> c.executions(jobId).size() == 2);
      // The node never died: it still runs what the orchestrator failed as disappeared.
      assertTrue(c.compute(node).activeExecutionIds().contains(lost.id()));
      c.reconnect(node);
      c.awaitThat(
          "the stale run is cancelled",
          () -> !c.compute(node).activeExecutionIds().contains(lost.id()));
      assertTrue(c.sent(node).contains(new InProcessCluster.Sent("cancel", lost.id())));
      c.orchestrator.stop(jobId, "default", "test over");
    }
  }

  @Test
  void aReportAboutAnExecutionThatAlreadyEndedGetsACancelToItsNode() throws Exception {
    try (InProcessCluster c = new InProcessCluster(dir).node("n-1").node("n-2").start()) {
      String jobId =
          c.orchestrator.submit(job(JobType.BATCH, 1, SLOW, TimeoutConfig.NONE), false).jobId();
      Execution lost = running(c, jobId);
      c.cut(lost.nodeId());
      c.awaitThat("placed again", () -> c.executions(jobId).size() == 2);
      // Its link is back before the directory says so: a late report arrives first.
      c.relink(lost.nodeId());
      c.orchestrator.progressed(lost.id(), ExecutionStateType.RUNNING);
      c.awaitThat(
          "the node is told to cancel",
          () -> c.sent(lost.nodeId()).contains(new InProcessCluster.Sent("cancel", lost.id())));
      Execution after =
          c.executions(jobId).stream().filter(e -> e.id().equals(lost.id())).findFirst().get();
      assertEquals(ExecutionStateType.FAILED, after.computeStateType(), "an ended run stays ended");
      c.orchestrator.stop(jobId, "default", "test over");
    }
  }

  @Test
  void aDaemonJobStartsOnANodeThatJoinsLater() throws Exception {
    try (InProcessCluster c = new InProcessCluster(dir).node("n-1").start()) {
      String jobId =
          c.orchestrator.submit(job(JobType.DAEMON, 1, SLOW, TimeoutConfig.NONE), false).jobId();
      c.awaitThat("runs on n-1", () -> c.executions(jobId).size() == 1);
      c.join("n-2");
      c.awaitThat(
          "runs on n-2 too",
          () -> c.executions(jobId).stream().anyMatch(e -> e.nodeId().equals("n-2")));
      assertEquals(2, c.executions(jobId).size());
      c.orchestrator.stop(jobId, "default", "test over");
    }
  }

  @Test
  void opsJobsRunOnceOnEveryMatchingNode() throws Exception {
    try (InProcessCluster c =
        new InProcessCluster(dir)
            .node("n-1")
            .node("n-2")
            .node("n-3")
            .nodeWithoutNoop("n-4")
            .start()) {
      String jobId =
          c.orchestrator.submit(job(JobType.OPS, 1, Map.of(), TimeoutConfig.NONE), false).jobId();
      c.await(jobId, j -> j.stateType() == JobStateType.COMPLETED);
      assertEquals(
          List.of("n-1", "n-2", "n-3"),
          c.executions(jobId).stream().map(Execution::nodeId).sorted().toList());
      assertEquals(List.of(), c.sent("n-4"));
    }
  }

  @Test
  void aJobWhoseEngineNoNodeSupportsFailsWithEveryNodesReason() throws Exception {
    try (InProcessCluster c =
        new InProcessCluster(dir).nodeWithoutNoop("n-1").nodeWithoutNoop("n-2").start()) {
      for (JobType type : List.of(JobType.BATCH, JobType.OPS)) {
        String jobId =
            c.orchestrator.submit(job(type, 1, Map.of(), TimeoutConfig.NONE), false).jobId();
        c.await(jobId, j -> j.stateType() == JobStateType.FAILED);
        String history =
            c.store.read(
                r ->
                    r.history(
                            jobId, new io.bacalhau.core.client.HistoryQuery(0, true, "all", "", 0))
                        .toString());
        assertTrue(
            history.contains(
                "not enough nodes to run job. requested: 1, available: 2, suitable: 0"),
            type + ": " + history);
        assertTrue(
            history.contains("2 of 2 nodes: does not support engine noop, only"),
            type + ": " + history);
      }
    }
  }

  @Test
  void countOneOnASingleNodeStillRuns() throws Exception {
    try (InProcessCluster c = new InProcessCluster(dir).node("n-1").start()) {
      Job done =
          c.await(
              c.orchestrator.submit(batch(1), false).jobId(),
              j -> j.stateType() == JobStateType.COMPLETED);
      assertEquals(JobStateType.COMPLETED, done.stateType());
    }
  }
}
