package io.bacalhau.core.orchestrator;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.Times;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happens when too few nodes can take a job: it waits (Queued) until its QueueTimeout, counted
 * from submission (by {@link JobAges}, so a wall clock step does not cut it short), runs out,
 * looking again every QueueBackoff; with no QueueTimeout it fails at once.
 */
final class QueuePolicy {
  private final Plan plan;
  private final SchedulerSettings settings;
  private final Instant now;

  QueuePolicy(Plan plan, SchedulerSettings settings, Instant now) {
    this.plan = plan;
    this.settings = settings;
    this.now = now;
  }

  /**
   * Fails the job, or queues it saying why it waits and on what (how many nodes it needs, how many
   * match, and each other node's reason); true when it failed.
   */
  boolean notEnoughNodes(int requested, List<NodeSelector.Ranked> ranked, List<Execution> current) {
    long suitable = ranked.stream().filter(NodeSelector.Ranked::suitable).count();
    BacalhauException error = notEnoughNodesError(requested, ranked, suitable);
    long queueTimeout = plan.job.task().timeouts().queueTimeout();
    long left = Times.minus(Times.secondsAsNanos(queueTimeout), plan.ageNanos);
    long nowNanos = Times.nanos(now);
    if (queueTimeout <= 0 || left <= 0) {
      plan.event(Event.fromError(HistoryTopics.SCHEDULING, error, now));
      plan.transition(JobStateType.FAILED, error.getMessage());
      Scheduler.stopAll(plan, current, now, "Execution stopped due to job failure");
      return true;
    }
    String message = "Job queued. " + error.getMessage();
    if (plan.job.stateType() != JobStateType.QUEUED) {
      plan.event(Event.of(HistoryTopics.QUEUEING, message, now));
      if (suitable == 0) {
        plan.transition(JobStateType.QUEUED, message);
      }
    }
    long wait = Math.min(Times.nanos(settings.queueBackoff()), left);
    plan.newEvaluations.add(
        Evaluation.pending(
            plan.job, Evaluation.TRIGGER_JOB_QUEUE, Times.plus(nowNanos, wait), nowNanos));
    return false;
  }

  static BacalhauException notEnoughNodesError(
      int requested, List<NodeSelector.Ranked> ranked, long suitable) {
    StringBuilder message =
        new StringBuilder(
            "not enough nodes to run job. requested: "
                + requested
                + ", available: "
                + ranked.size()
                + ", suitable: "
                + suitable
                + ".");
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (NodeSelector.Ranked r : ranked) {
      if (!r.suitable()) {
        byReason
            .computeIfAbsent(r.reason(), k -> new java.util.ArrayList<>())
            .add(r.node().nodeId());
      }
    }
    byReason.forEach(
        (reason, nodes) ->
            message
                .append("\n• ")
                .append(
                    nodes.size() == 1
                        ? "Node " + Ids.shortId(nodes.get(0))
                        : nodes.size() + " of " + ranked.size() + " nodes")
                .append(": ")
                .append(reason));
    return BacalhauException.builder(ErrorCode.NOT_ENOUGH_NODES, message.toString())
        .component("Orchestrator")
        .hint(
            ranked.isEmpty()
                ? "No compute node is running; check that compute is enabled."
                : "Ask for fewer resources or other types, or set a QueueTimeout to wait for capacity.")
        .detail("NodesRequested", String.valueOf(requested))
        .detail("NodesAvailable", String.valueOf(ranked.size()))
        .detail("NodesSuitable", String.valueOf(suitable))
        .build();
  }
}
