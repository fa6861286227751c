package io.bacalhau.core.orchestrator;

import static io.bacalhau.core.orchestrator.ClusterPlacementTest.job;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.TimeoutConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An orchestrator process killed between recording a message to a compute node and delivering it:
 * its outbox lived in memory, so the next process derives what the node is owed from the store and
 * sends it again; the node ignores what it already had. A report sent again after a restart (it was
 * committed, not yet acknowledged) has no second effect.
 */
class OrchestratorCrashTest {
  @TempDir Path dir;

  private static final Map<String, Object> QUICK = Map.of("SleepMillis", 50);
  private static final Map<String, Object> SLOW = Map.of("SleepMillis", 60_000);

  private static Execution only(InProcessCluster c, String jobId) {
    List<Execution> all = c.executions(jobId);
    assertEquals(1, all.size(), all.toString());
    return all.get(0);
  }

  /**
   * Before: the execution waited in AskForBid for ever (the cluster crash harness's stuck jobs).
   */
  @Test
  void aBidRequestRecordedButNeverDeliveredIsSentAgainByTheNextProcess() throws Exception {
    try (InProcessCluster c = new InProcessCluster(dir).node("n-1")) {
      c.undelivered("n-1", true);
      c.start();
      String jobId =
          c.orchestrator.submit(job(JobType.BATCH, 1, QUICK, TimeoutConfig.NONE), false).jobId();
      c.awaitThat("the bid request was recorded", () -> !c.sent("n-1").isEmpty());
      assertEquals(ExecutionStateType.ASK_FOR_BID, only(c, jobId).computeStateType());

      c.undelivered("n-1", false);
      c.restartOrchestrator("p-restarted");
      c.await(jobId, j -> j.stateType() == JobStateType.COMPLETED);
      Execution done = only(c, jobId);
      assertEquals(ExecutionStateType.COMPLETED, done.computeStateType());
      InProcessCluster.Sent ask = new InProcessCluster.Sent("askForBid", done.id());
      assertEquals(List.of(ask, ask), c.sent("n-1").subList(0, 2), "lost, then sent again");
    }
  }

  /** Before: a bid result sent again moved a running execution back to BidAccepted. */
  @Test
  void aReportSentAgainAfterItWasCommittedChangesNothing() throws Exception {
    try (InProcessCluster c = new InProcessCluster(dir).node("n-1").start()) {
      String jobId =
          c.orchestrator.submit(job(JobType.BATCH, 1, SLOW, TimeoutConfig.NONE), false).jobId();
      c.awaitThat(
          "the execution runs",
          () ->
              c.executions(jobId).stream()
                  .anyMatch(e -> e.computeStateType() == ExecutionStateType.RUNNING));
      Execution running = only(c, jobId);
      Event step =
          Event.of(HistoryTopics.EXECUTION, "image pulled", java.time.Instant.now(), Map.of());
      c.orchestrator.event(running.id(), step);
      c.orchestrator.event(running.id(), step); // sent again: the first was not yet acknowledged
      c.orchestrator.bidResult(running.id(), true, "");
      c.orchestrator.progressed(running.id(), ExecutionStateType.BID_ACCEPTED);
      // A barrier behind both reports: they are committed when it runs.
      java.util.concurrent.CountDownLatch recorded = new java.util.concurrent.CountDownLatch(1);
      c.orchestrator.afterRecorded(recorded::countDown);
      assertEquals(true, recorded.await(10, java.util.concurrent.TimeUnit.SECONDS));
      Execution after = only(c, jobId);
      assertEquals(ExecutionStateType.RUNNING, after.computeStateType());
      assertEquals(running.revision(), after.revision());
      long steps =
          c
              .store
              .read(r -> r.history(jobId, io.bacalhau.core.client.HistoryQuery.everything()))
              .stream()
              .filter(h -> step.equals(h.event()))
              .count();
      assertEquals(1, steps, "the event is in the history once");
      c.orchestrator.stop(jobId, "default", "test over");
      c.await(jobId, j -> j.stateType().isTerminal());
    }
  }
}
