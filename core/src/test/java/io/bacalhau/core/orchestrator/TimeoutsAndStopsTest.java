package io.bacalhau.core.orchestrator;

import static io.bacalhau.core.orchestrator.Scheduling.after;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.TimeoutConfig;
import io.bacalhau.core.models.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ending a job: a total timeout fails it, a stop ends it, a new version replaces the old one's
 * runs. Runs not started yet are cancelled outright; running ones are asked to stop and report
 * Cancelled themselves.
 */
class TimeoutsAndStopsTest {
  private static final TimeoutConfig TOTAL_1_MIN = new TimeoutConfig(0, 0, 60);

  @Test
  void pastItsTotalTimeoutABatchJobFailsAndItsRunsAreStopped() {
    Scheduling s =
        new Scheduling(JobType.BATCH, 2, TOTAL_1_MIN)
            .withNodes("n-1", "n-2")
            .inState(JobStateType.RUNNING);
    Execution running = s.running("n-1", 0);
    Execution offered =
        s.execution("n-2", 1, ExecutionStateType.NEW, ExecutionDesiredStateType.PENDING);
    Plan plan = s.schedule(after(Duration.ofSeconds(61)));
    assertEquals(JobStateType.FAILED, plan.newState);
    assertEquals("Job timed out. Job took longer than 1m0s", plan.stateMessage);
    assertEquals(HistoryTopics.JOB_TIMEOUT, plan.jobEvents.get(0).topic());
    assertEquals(List.of(), plan.newExecutions);
    Execution stopping = Scheduling.updated(plan, running);
    assertEquals(ExecutionDesiredStateType.STOPPED, stopping.desiredStateType());
    assertEquals(ExecutionStateType.RUNNING, stopping.computeStateType());
    assertEquals(
        ExecutionStateType.CANCELLED, Scheduling.updated(plan, offered).computeStateType());
  }

  @Test
  void atExactlyItsTotalTimeoutTheJobStillRuns() {
    Scheduling s =
        new Scheduling(JobType.BATCH, 1, TOTAL_1_MIN)
            .withNodes("n-1")
            .inState(JobStateType.RUNNING);
    s.running("n-1", 0);
    assertNull(s.schedule(after(Duration.ofSeconds(60))).newState);
  }

  /**
   * The wake-up set for the end of a total timeout is on the wall clock: stepped forward, it comes
   * early. Regression: the job then failed; now it is measured by its age and the wake-up is set
   * again for when the timeout really runs out.
   */
  @Test
  void aTimeoutWakeUpThatComesEarlyIsSetAgainForWhenTheTimeoutRunsOut() {
    Scheduling s =
        new Scheduling(JobType.BATCH, 1, TOTAL_1_MIN)
            .withNodes("n-1")
            .inState(JobStateType.RUNNING);
    s.running("n-1", 0);
    Instant stepped = after(Duration.ofHours(1));
    Plan plan = s.schedule(Evaluation.TRIGGER_JOB_TIMEOUT, stepped, Duration.ofSeconds(20));
    assertNull(plan.newState);
    assertEquals(1, plan.newEvaluations.size());
    Evaluation again = plan.newEvaluations.get(0);
    assertEquals(Evaluation.TRIGGER_JOB_TIMEOUT, again.triggeredBy());
    assertEquals(
        Times.nanos(stepped.plus(Duration.ofSeconds(40)).plusMillis(1)), again.waitUntil());
  }

  @Test
  void pastItsTotalTimeoutByItsAgeTheJobFailsWhateverTheWallClockSays() {
    Scheduling s =
        new Scheduling(JobType.BATCH, 1, TOTAL_1_MIN)
            .withNodes("n-1")
            .inState(JobStateType.RUNNING);
    s.running("n-1", 0);
    Plan plan =
        s.schedule(
            Evaluation.TRIGGER_EXEC_UPDATE, after(Duration.ofSeconds(5)), Duration.ofSeconds(61));
    assertEquals(JobStateType.FAILED, plan.newState);
  }

  @Test
  void anOpsJobHasATotalTimeoutToo() {
    Scheduling s =
        new Scheduling(JobType.OPS, 1, TOTAL_1_MIN).withNodes("n-1").inState(JobStateType.RUNNING);
    s.running("n-1", 0);
    assertEquals(JobStateType.FAILED, s.schedule(after(Duration.ofMinutes(2))).newState);
  }

  @Test
  void aStoppedJobStopsWhatIsLeftAndLeavesEndedRunsAlone() {
    Scheduling s = new Scheduling(JobType.BATCH, 4).withNodes("n-1").inState(JobStateType.STOPPED);
    Execution running = s.running("n-1", 0);
    Execution accepted =
        s.execution(
            "n-1", 1, ExecutionStateType.ASK_FOR_BID_ACCEPTED, ExecutionDesiredStateType.PENDING);
    Execution done = s.completed("n-1", 2);
    Execution alreadyStopping =
        s.execution("n-1", 3, ExecutionStateType.RUNNING, ExecutionDesiredStateType.STOPPED);
    Plan plan = s.schedule(after(Duration.ofSeconds(5)));

    assertNull(plan.newState, "the job is already stopped");
    assertEquals(List.of(), plan.newExecutions);
    Execution stopping = Scheduling.updated(plan, running);
    assertEquals(ExecutionDesiredStateType.STOPPED, stopping.desiredStateType());
    assertEquals(ExecutionStateType.RUNNING, stopping.computeStateType());
    Execution cancelled = Scheduling.updated(plan, accepted);
    assertEquals(ExecutionStateType.CANCELLED, cancelled.computeStateType());
    assertEquals(ExecutionDesiredStateType.STOPPED, cancelled.desiredStateType());
    assertFalse(plan.updates.containsKey(done.id()));
    assertFalse(plan.updates.containsKey(alreadyStopping.id()), "a stop is asked for once");
  }

  @Test
  void aNewVersionStopsTheRunsOfTheOldOneAndStartsItsOwn() {
    Scheduling s = new Scheduling(JobType.BATCH, 1).withNodes("n-1");
    Execution old = s.running("n-1", 0);
    s.job = s.job.toBuilder().version(2).build();
    Plan plan = s.schedule(after(Duration.ofSeconds(5)));
    Execution stopping = Scheduling.updated(plan, old);
    assertEquals(ExecutionDesiredStateType.STOPPED, stopping.desiredStateType());
    assertEquals("Execution stopped for job update", stopping.desiredState().message());
    assertEquals(1, plan.newExecutions.size());
    assertEquals(2, plan.newExecutions.get(0).jobVersion());
  }
}
