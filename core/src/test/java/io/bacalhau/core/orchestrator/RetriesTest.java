package io.bacalhau.core.orchestrator;

import static io.bacalhau.core.orchestrator.Scheduling.after;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A failed partition is tried again, elsewhere first, until the retry limit fails the job. */
class RetriesTest {
  private static final java.time.Instant NOW = after(Duration.ofSeconds(5));

  @Test
  void aFailedPartitionIsTriedAgainPreferablyOnANodeThatHasNotFailedIt() {
    Scheduling s = new Scheduling(JobType.BATCH, 1).withNodes("n-1", "n-2");
    s.failed("n-1", 0);
    Plan plan = s.schedule(NOW);
    assertNull(plan.newState);
    assertEquals(1, plan.newExecutions.size());
    Execution retry = plan.newExecutions.get(0);
    assertEquals(0, retry.partitionIndex());
    assertEquals("n-2", retry.nodeId());
    assertEquals(ExecutionDesiredStateType.PENDING, retry.desiredStateType());
    assertEquals(ExecutionStateType.NEW, retry.computeStateType());
  }

  @Test
  void atTheRetryLimitThePartitionIsStillRetried() {
    Scheduling s = new Scheduling(JobType.BATCH, 1).withNodes("n-1", "n-2");
    s.failed("n-1", 0);
    s.failed("n-2", 0);
    Plan plan = s.schedule(NOW);
    assertNull(plan.newState);
    assertEquals(1, plan.newExecutions.size());
  }

  @Test
  void beyondTheRetryLimitTheJobFailsAndNothingNewRuns() {
    Scheduling s = new Scheduling(JobType.BATCH, 2).withNodes("n-1", "n-2", "n-3");
    s.failed("n-1", 0);
    s.failed("n-2", 0);
    s.failed("n-3", 0);
    Execution other = s.running("n-1", 1);
    Plan plan = s.schedule(NOW);
    assertEquals(JobStateType.FAILED, plan.newState);
    assertEquals("Job failed because it has been retried too many times", plan.stateMessage);
    assertEquals(List.of(), plan.newExecutions);
    Event event = plan.jobEvents.get(0);
    assertEquals("true", event.details().get(Event.DETAIL_IS_ERROR));
    // The other partition's run is asked to stop; the node reports when it has.
    Execution stopped = Scheduling.updated(plan, other);
    assertEquals(ExecutionDesiredStateType.STOPPED, stopped.desiredStateType());
    assertEquals(ExecutionStateType.RUNNING, stopped.computeStateType());
  }

  @Test
  void theRetryLimitCountsEachPartitionApart() {
    Scheduling s = new Scheduling(JobType.BATCH, 2).withNodes("n-1", "n-2", "n-3");
    s.failed("n-1", 0);
    s.failed("n-2", 0);
    s.failed("n-3", 1);
    s.failed("n-2", 1);
    Plan plan = s.schedule(NOW);
    assertNull(plan.newState);
    assertEquals(
        Set.of(0, 1),
        plan.newExecutions.stream().map(Execution::partitionIndex).collect(Collectors.toSet()));
  }

  @Test
  void aZeroRetryLimitFailsTheJobAtTheFirstFailure() {
    Scheduling s = new Scheduling(JobType.BATCH, 1).withNodes("n-1", "n-2");
    s.failed("n-1", 0);
    Plan plan = s.schedule(new SchedulerSettings(0, Duration.ofSeconds(30)), NOW);
    assertEquals(JobStateType.FAILED, plan.newState);
  }

  @Test
  void aNodeThatFailedTheJobAsOftenAsItMayTryIsNotAskedAgain() {
    // Three failures on n-1 across two partitions: each partition is within its limit, but the
    // node has had its three attempts (retries + 1), and it is the only node.
    Scheduling s = new Scheduling(JobType.BATCH, 2).withNodes("n-1");
    s.failed("n-1", 0);
    s.failed("n-1", 0);
    s.failed("n-1", 1);
    Plan plan = s.schedule(NOW);
    assertEquals(List.of(), plan.newExecutions);
    assertEquals(JobStateType.FAILED, plan.newState);
    assertTrue(plan.stateMessage.contains("already failed this job 3 times"), plan.stateMessage);
  }

  @Test
  void aNodeThatRejectedTheBidIsNotAskedAgain() {
    Scheduling s = new Scheduling(JobType.BATCH, 1).withNodes("n-1", "n-2");
    s.execution(
        "n-1", 0, ExecutionStateType.ASK_FOR_BID_REJECTED, ExecutionDesiredStateType.STOPPED);
    Plan plan = s.schedule(NOW);
    assertEquals(1, plan.newExecutions.size());
    assertEquals("n-2", plan.newExecutions.get(0).nodeId());
  }

  @Test
  void whenEveryNodeRejectedTheBidTheJobFailsSayingSo() {
    Scheduling s = new Scheduling(JobType.BATCH, 1).withNodes("n-1");
    s.execution(
        "n-1", 0, ExecutionStateType.ASK_FOR_BID_REJECTED, ExecutionDesiredStateType.STOPPED);
    Plan plan = s.schedule(NOW);
    assertEquals(JobStateType.FAILED, plan.newState);
    assertTrue(plan.stateMessage.contains("node rejected the bid for this job"), plan.stateMessage);
  }
}
