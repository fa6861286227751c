package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.NodeInfo;
import java.time.Instant;
import java.util.List;

/**
 * Ops and daemon jobs: one execution on every matching node, never twice on the same node for ops.
 * An ops job ends when no execution is live: Completed, or Failed if any failed. Daemons run on.
 */
final class PerNodePlanner {
  private final Plan plan;
  private final NodeSelector selector;
  private final Instant now;

  PerNodePlanner(Plan plan, NodeSelector selector, Instant now) {
    this.plan = plan;
    this.selector = selector;
    this.now = now;
  }

  void plan(JobType type, List<Execution> current, List<NodeInfo> nodes) {
    List<NodeSelector.Ranked> ranked = selector.rank(plan.job, nodes, current);
    boolean created = false;
    for (NodeSelector.Ranked r : ranked) {
      if (!r.suitable()) {
        continue;
      }
      String nodeId = r.node().nodeId();
      boolean ranHere =
          current.stream()
              .anyMatch(
                  e ->
                      e.nodeId().equals(nodeId)
                          && (type == JobType.OPS || !e.computeStateType().isTerminal()));
      if (!ranHere) {
        Execution e =
            Scheduler.newExecution(plan, r.node(), 0, ExecutionDesiredStateType.RUNNING, now);
        plan.create(
            e,
            Event.of(
                HistoryTopics.SCHEDULING, "Requested execution on " + Ids.shortId(nodeId), now));
        created = true;
      }
    }
    if (type != JobType.OPS || created) {
      return;
    }
    if (current.isEmpty()) {
      String message =
          "not matching nodes to run job out of " + ranked.size() + " available nodes.";
      plan.event(
          Event.fromError(
              HistoryTopics.SCHEDULING, QueuePolicy.notEnoughNodesError(1, ranked, 0), now));
      plan.transition(JobStateType.FAILED, message);
      return;
    }
    boolean live = current.stream().anyMatch(e -> !e.computeStateType().isTerminal());
    if (!live) {
      boolean failed =
          current.stream().anyMatch(e -> e.computeStateType() == ExecutionStateType.FAILED);
      if (failed) {
        plan.event(
            Event.of(
                HistoryTopics.SCHEDULING,
                "Job failed because one or more executions failed",
                now,
                java.util.Map.of(Event.DETAIL_IS_ERROR, "true")));
        plan.transition(JobStateType.FAILED, "Job failed because one or more executions failed");
      } else {
        plan.transition(JobStateType.COMPLETED, "");
      }
    }
  }
}
