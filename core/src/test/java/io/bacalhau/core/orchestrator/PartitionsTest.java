package io.bacalhau.core.orchestrator;

import static io.bacalhau.core.orchestrator.Scheduling.after;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Count N runs partitions 0..N-1, each with exactly one live execution; the oldest accepted bid of
 * a partition runs; a batch job completes only when every partition has completed.
 */
class PartitionsTest {
  private static final Instant NOW = after(Duration.ofSeconds(5));

  @Test
  void countThreeAsksForOneExecutionPerPartitionSpreadOverTheNodes() {
    Scheduling s = new Scheduling(JobType.BATCH, 3).withNodes("n-1", "n-2");
    Plan plan = s.schedule(NOW);
    assertEquals(
        List.of(0, 1, 2), plan.newExecutions.stream().map(Execution::partitionIndex).toList());
    assertEquals(
        List.of("n-1", "n-2", "n-1"), plan.newExecutions.stream().map(Execution::nodeId).toList());
    for (Execution e : plan.newExecutions) {
      // Batch executions are offered first: they run once a bid is accepted.
      assertEquals(ExecutionDesiredStateType.PENDING, e.desiredStateType());
      assertEquals(s.job.version(), e.jobVersion());
    }
  }

  @Test
  void aPartitionWithALiveExecutionGetsNoOther() {
    Scheduling s = new Scheduling(JobType.BATCH, 2).withNodes("n-1", "n-2");
    s.running("n-1", 0);
    s.execution("n-2", 1, ExecutionStateType.NEW, ExecutionDesiredStateType.PENDING);
    Plan plan = s.schedule(NOW);
    assertEquals(List.of(), plan.newExecutions);
  }

  @Test
  void theOldestAcceptedBidRunsAndLaterOnesAreTurnedDown() {
    Scheduling s = new Scheduling(JobType.BATCH, 1).withNodes("n-1", "n-2");
    Execution older =
        s.execution(
            "n-1", 0, ExecutionStateType.ASK_FOR_BID_ACCEPTED, ExecutionDesiredStateType.PENDING);
    Execution younger =
        s.execution(
            "n-2", 0, ExecutionStateType.ASK_FOR_BID_ACCEPTED, ExecutionDesiredStateType.PENDING);
    Plan plan = s.schedule(NOW);
    Execution runs = Scheduling.updated(plan, older);
    assertEquals(ExecutionDesiredStateType.RUNNING, runs.desiredStateType());
    assertEquals(ExecutionStateType.BID_ACCEPTED, runs.computeStateType());
    Execution declined = Scheduling.updated(plan, younger);
    assertEquals(ExecutionDesiredStateType.STOPPED, declined.desiredStateType());
    assertEquals(ExecutionStateType.BID_REJECTED, declined.computeStateType());
    assertEquals(JobStateType.RUNNING, plan.newState);
  }

  @Test
  void anAcceptedBidWaitsWhileThePartitionAlreadyRuns() {
    Scheduling s = new Scheduling(JobType.BATCH, 1).withNodes("n-1", "n-2");
    s.running("n-1", 0);
    Execution late =
        s.execution(
            "n-2", 0, ExecutionStateType.ASK_FOR_BID_ACCEPTED, ExecutionDesiredStateType.PENDING);
    Plan plan = s.schedule(NOW);
    assertEquals(
        ExecutionStateType.BID_REJECTED, Scheduling.updated(plan, late).computeStateType());
  }

  @Test
  void aBatchJobCompletesOnlyWhenEveryPartitionCompleted() {
    Scheduling s = new Scheduling(JobType.BATCH, 3).withNodes("n-1").inState(JobStateType.RUNNING);
    s.completed("n-1", 0);
    s.completed("n-1", 1);
    s.running("n-1", 2);
    assertNull(s.schedule(NOW).newState);
    s.completed("n-1", 2);
    assertEquals(JobStateType.COMPLETED, s.schedule(NOW).newState);
  }

  @Test
  void aCompletedPartitionIsNotRunAgainWhenAnotherFails() {
    Scheduling s = new Scheduling(JobType.BATCH, 2).withNodes("n-1").inState(JobStateType.RUNNING);
    s.completed("n-1", 0);
    s.failed("n-1", 1);
    Plan plan = s.schedule(NOW);
    assertEquals(List.of(1), plan.newExecutions.stream().map(Execution::partitionIndex).toList());
  }

  @Test
  void countZeroStopsEveryExecutionAndCompletesABatchJob() {
    Scheduling s = new Scheduling(JobType.BATCH, 0).withNodes("n-1");
    Execution running = s.running("n-1", 0);
    Plan plan = s.schedule(NOW);
    assertEquals(
        ExecutionDesiredStateType.STOPPED, Scheduling.updated(plan, running).desiredStateType());
    assertEquals(JobStateType.COMPLETED, plan.newState);
  }
}
