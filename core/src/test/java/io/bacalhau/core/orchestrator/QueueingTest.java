package io.bacalhau.core.orchestrator;

import static io.bacalhau.core.orchestrator.Scheduling.after;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Event;
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
 * Too few nodes: without a QueueTimeout the job fails at once saying why; with one it waits
 * (Queued), looking again every QueueBackoff, until the timeout, counted from creation, runs out.
 */
class QueueingTest {
  private static final TimeoutConfig QUEUE_10_MIN = new TimeoutConfig(0, 600, 0);

  @Test
  void noNodeAndNoQueueTimeoutFailsAtOnceSayingNoComputeNodeRuns() {
    Scheduling s = new Scheduling(JobType.BATCH, 1);
    Plan plan = s.schedule(after(Duration.ofSeconds(1)));
    assertEquals(JobStateType.FAILED, plan.newState);
    assertEquals(
        "not enough nodes to run job. requested: 1, available: 0, suitable: 0.", plan.stateMessage);
    Event event = plan.jobEvents.get(0);
    assertEquals(HistoryTopics.SCHEDULING, event.topic());
    assertEquals("1", event.details().get("NodesRequested"));
    assertEquals("0", event.details().get("NodesSuitable"));
    assertTrue(event.details().get(Event.DETAIL_HINT).contains("No compute node is running"));
    assertEquals(List.of(), plan.newEvaluations);
  }

  @Test
  void eachUnsuitableNodeIsListedWithItsReason() {
    Scheduling s = new Scheduling(JobType.BATCH, 2);
    s.nodes.add(Scheduling.dockerOnly("n-docker"));
    Plan plan = s.schedule(after(Duration.ofSeconds(1)));
    assertEquals(JobStateType.FAILED, plan.newState);
    assertTrue(
        plan.stateMessage.startsWith(
            "not enough nodes to run job. requested: 2, available: 1, suitable: 0."),
        plan.stateMessage);
    assertTrue(
        plan.stateMessage.contains("does not support engine noop, only docker"), plan.stateMessage);
  }

  @Test
  void withAQueueTimeoutTheJobIsQueuedAndLooksAgainAfterTheBackoff() {
    Scheduling s = new Scheduling(JobType.BATCH, 1, QUEUE_10_MIN);
    Instant now = after(Duration.ofSeconds(10));
    Plan plan = s.schedule(now);
    assertEquals(JobStateType.QUEUED, plan.newState);
    assertTrue(plan.stateMessage.startsWith("Job queued. not enough nodes"), plan.stateMessage);
    assertEquals(HistoryTopics.QUEUEING, plan.jobEvents.get(0).topic());
    assertEquals(1, plan.newEvaluations.size());
    Evaluation again = plan.newEvaluations.get(0);
    assertEquals(Evaluation.TRIGGER_JOB_QUEUE, again.triggeredBy());
    assertEquals(Evaluation.STATUS_PENDING, again.status());
    assertEquals(Times.nanos(now.plus(Scheduling.SETTINGS.queueBackoff())), again.waitUntil());
  }

  @Test
  void theNextLookIsNeverAfterTheQueueDeadline() {
    Scheduling s = new Scheduling(JobType.BATCH, 1, new TimeoutConfig(0, 40, 0));
    Plan plan = s.schedule(after(Duration.ofSeconds(20)));
    assertEquals(
        Times.nanos(after(Duration.ofSeconds(40))), plan.newEvaluations.get(0).waitUntil());
  }

  @Test
  void anAlreadyQueuedJobStaysQuietButKeepsLooking() {
    Scheduling s = new Scheduling(JobType.BATCH, 1, QUEUE_10_MIN).inState(JobStateType.QUEUED);
    Plan plan = s.schedule(after(Duration.ofMinutes(2)));
    assertNull(plan.newState);
    assertEquals(List.of(), plan.jobEvents);
    assertEquals(1, plan.newEvaluations.size());
  }

  @Test
  void whenTheQueueTimeoutRunsOutTheJobFails() {
    Scheduling s = new Scheduling(JobType.BATCH, 1, QUEUE_10_MIN).inState(JobStateType.QUEUED);
    Plan plan = s.schedule(after(Duration.ofMinutes(10)));
    assertEquals(JobStateType.FAILED, plan.newState);
    assertTrue(plan.stateMessage.startsWith("not enough nodes"), plan.stateMessage);
    assertEquals(List.of(), plan.newEvaluations);
  }

  @Test
  void aNodeThatArrivesInTimeGetsTheQueuedJob() {
    Scheduling s =
        new Scheduling(JobType.BATCH, 1, QUEUE_10_MIN)
            .inState(JobStateType.QUEUED)
            .withNodes("n-late");
    Plan plan = s.schedule(after(Duration.ofMinutes(5)));
    assertNull(plan.newState);
    assertEquals(1, plan.newExecutions.size());
    assertEquals("n-late", plan.newExecutions.get(0).nodeId());
    assertEquals(List.of(), plan.newEvaluations);
  }
}
