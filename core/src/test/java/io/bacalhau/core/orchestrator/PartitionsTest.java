package io.bacalhau.core.orchestrator;

import static io.bacalhau.core.orchestrator.Scheduling.after;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.TimeoutConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Count N runs partitions 0..N-1, each with exactly one live execution, on N distinct nodes; the
 * oldest accepted bid of a partition runs; a batch job completes only when every partition has
 * completed.
 */
class PartitionsTest {
  private static final Instant NOW = after(Duration.ofSeconds(5));

  @Test
  void countThreeAsksForOneExecutionPerPartitionEachOnANodeOfItsOwn() {
    Scheduling s = new Scheduling(JobType.BATCH, 3).withNodes("n-1", "n-2", "n-3");
    Plan plan = s.schedule(NOW);
    assertEquals(
        List.of(0, 1, 2), plan.newExecutions.stream().map(Execution::partitionIndex).toList());
    assertEquals(
        Set.of("n-1", "n-2", "n-3"),
        plan.newExecutions.stream().map(Execution::nodeId).collect(Collectors.toSet()));
    for (Execution e : plan.newExecutions) {
      // Batch executions are offered first: they run once a bid is accepted.
      assertEquals(ExecutionDesiredStateType.PENDING, e.desiredStateType());
      assertEquals(s.job.version(), e.jobVersion());
    }
  }

  @Test
  void countThreeOnTwoNodesIsNotEnoughNodesAndStartsNothingWithoutAQueueTimeout() {
    Scheduling s = new Scheduling(JobType.BATCH, 3).withNodes("n-1", "n-2");
    Plan plan = s.schedule(NOW);
    assertEquals(JobStateType.FAILED, plan.newState);
    assertEquals(
        "not enough nodes to run job. requested: 3, available: 2, suitable: 2.", plan.stateMessage);
    assertEquals(List.of(), plan.newExecutions);
  }

  @Test
  void aNodeHoldingALiveExecutionOfTheJobIsNotGivenAnotherPartition() {
    Scheduling s =
        new Scheduling(JobType.BATCH, 2, new TimeoutConfig(0, 600, 0))
            .withNodes("n-1")
            .inState(JobStateType.RUNNING);
    s.running("n-1", 0);
    Plan plan = s.schedule(NOW);
    assertEquals(List.of(), plan.newExecutions);
    assertTrue(
        plan.jobEvents.get(0).message().contains("already runs an execution of this job"),
        plan.jobEvents.toString());
  }

  @Test
  void whileQueuedTheNodesThereAreTakeAPartitionEach() {
    Scheduling s =
        new Scheduling(JobType.BATCH, 3, new TimeoutConfig(0, 600, 0)).withNodes("n-1", "n-2");
    Plan plan = s.schedule(NOW);
    assertEquals(
        Set.of("n-1", "n-2"),
        plan.newExecutions.stream().map(Execution::nodeId).collect(Collectors.toSet()));
    assertEquals(1, plan.newEvaluations.size(), "it looks again for the third node");
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
    Scheduling s =
        new Scheduling(JobType.BATCH, 3)
            .withNodes("n-1", "n-2", "n-3")
            .inState(JobStateType.RUNNING);
    s.completed("n-1", 0);
    s.completed("n-2", 1);
    s.running("n-3", 2);
    assertNull(s.schedule(NOW).newState);
    s.completed("n-3", 2);
    assertEquals(JobStateType.COMPLETED, s.schedule(NOW).newState);
  }

  @Test
  void aCompletedPartitionIsNotRunAgainWhenAnotherFails() {
    Scheduling s =
        new Scheduling(JobType.BATCH, 2).withNodes("n-1", "n-2").inState(JobStateType.RUNNING);
    s.completed("n-1", 0);
    s.failed("n-2", 1);
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
