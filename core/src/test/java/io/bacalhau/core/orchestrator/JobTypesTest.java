package io.bacalhau.core.orchestrator;

import static io.bacalhau.core.orchestrator.Scheduling.after;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.TimeoutConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ops jobs run once on every matching node and end; daemons run on every matching node for ever;
 * services keep Count partitions running for ever.
 */
class JobTypesTest {
  private static final Instant NOW = after(Duration.ofSeconds(5));

  private static List<String> nodesOf(Plan plan) {
    return plan.newExecutions.stream().map(Execution::nodeId).sorted().toList();
  }

  @Test
  void opsRunsOnEveryMatchingNodeAtOnce() {
    Scheduling s = new Scheduling(JobType.OPS, 1).withNodes("n-1", "n-2");
    s.nodes.add(Scheduling.dockerOnly("n-docker"));
    Plan plan = s.schedule(NOW);
    assertEquals(List.of("n-1", "n-2"), nodesOf(plan));
    for (Execution e : plan.newExecutions) {
      // Ops and daemon executions are not bid for: they are to run.
      assertEquals(ExecutionDesiredStateType.RUNNING, e.desiredStateType());
    }
    assertEquals(JobStateType.RUNNING, plan.newState);
  }

  @Test
  void opsNeverRunsTwiceOnANodeEvenAfterAFailure() {
    Scheduling s = new Scheduling(JobType.OPS, 1).withNodes("n-1", "n-2");
    s.failed("n-1", 0);
    s.running("n-2", 0);
    assertEquals(List.of(), s.schedule(NOW).newExecutions);
  }

  @Test
  void opsCompletesWhenEveryRunCompletedAndFailsWhenAnyFailed() {
    Scheduling ok = new Scheduling(JobType.OPS, 1).withNodes("n-1", "n-2");
    ok.completed("n-1", 0);
    ok.completed("n-2", 0);
    assertEquals(JobStateType.COMPLETED, ok.schedule(NOW).newState);

    Scheduling bad = new Scheduling(JobType.OPS, 1).withNodes("n-1", "n-2");
    bad.completed("n-1", 0);
    bad.failed("n-2", 0);
    Plan plan = bad.schedule(NOW);
    assertEquals(JobStateType.FAILED, plan.newState);
    assertEquals("Job failed because one or more executions failed", plan.stateMessage);
  }

  @Test
  void opsWaitsForItsLastRun() {
    Scheduling s =
        new Scheduling(JobType.OPS, 1).withNodes("n-1", "n-2").inState(JobStateType.RUNNING);
    s.completed("n-1", 0);
    s.running("n-2", 0);
    assertNull(s.schedule(NOW).newState);
  }

  @Test
  void opsWithNoMatchingNodeFailsSayingWhy() {
    Scheduling s = new Scheduling(JobType.OPS, 1);
    s.nodes.add(Scheduling.dockerOnly("n-docker"));
    Plan plan = s.schedule(NOW);
    assertEquals(JobStateType.FAILED, plan.newState);
    assertEquals("not matching nodes to run job out of 1 available nodes.", plan.stateMessage);
    assertTrue(plan.jobEvents.get(0).message().contains("does not support engine noop"));
  }

  @Test
  void aDaemonReplacesARunThatEndedAndNeverCompletes() {
    Scheduling s =
        new Scheduling(JobType.DAEMON, 1).withNodes("n-1", "n-2").inState(JobStateType.RUNNING);
    s.completed("n-1", 0);
    s.running("n-2", 0);
    Plan plan = s.schedule(NOW);
    assertEquals(List.of("n-1"), nodesOf(plan));
    assertNull(plan.newState);
  }

  @Test
  void aDaemonWithNoMatchingNodeWaitsForOne() {
    Scheduling s = new Scheduling(JobType.DAEMON, 1);
    Plan plan = s.schedule(NOW);
    assertNull(plan.newState);
    assertEquals(List.of(), plan.newExecutions);
  }

  @Test
  void aServiceReplacesAPartitionThatCompletedAndNeverCompletes() {
    Scheduling s =
        new Scheduling(JobType.SERVICE, 2).withNodes("n-1", "n-2").inState(JobStateType.RUNNING);
    s.completed("n-1", 0);
    s.completed("n-2", 1);
    Plan plan = s.schedule(NOW);
    assertEquals(2, plan.newExecutions.size());
    assertNull(plan.newState);
  }

  @Test
  void longRunningJobsHaveNoTotalTimeout() {
    for (JobType type : List.of(JobType.DAEMON, JobType.SERVICE)) {
      Scheduling s =
          new Scheduling(type, 1, new TimeoutConfig(0, 0, 10))
              .withNodes("n-1")
              .inState(JobStateType.RUNNING);
      s.running("n-1", 0);
      assertNull(s.schedule(after(Duration.ofHours(1))).newState, type.value());
    }
  }
}
