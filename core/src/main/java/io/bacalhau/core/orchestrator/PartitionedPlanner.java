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
import io.bacalhau.core.models.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch and service jobs: partitions 0..Count-1, each with exactly one live execution. Accepted
 * bids are approved oldest first, failed partitions are retried up to the limit, and a batch job
 * completes when every partition has a completed execution.
 */
final class PartitionedPlanner {
  private final Plan plan;
  private final SchedulerSettings settings;
  private final NodeSelector selector;
  private final Instant now;

  PartitionedPlanner(Plan plan, SchedulerSettings settings, NodeSelector selector, Instant now) {
    this.plan = plan;
    this.settings = settings;
    this.selector = selector;
    this.now = now;
  }

  void plan(JobType type, List<Execution> current, List<NodeInfo> nodes) {
    int count = plan.job.count();
    List<Integer> needing = new ArrayList<>();
    int completed = 0;
    for (int p = 0; p < count; p++) {
      final int partition = p;
      List<Execution> mine =
          current.stream()
              .filter(e -> e.partitionIndex() == partition)
              .sorted(Scheduler.oldestFirst())
              .toList();
      if (type == JobType.BATCH
          && mine.stream().anyMatch(e -> e.computeStateType() == ExecutionStateType.COMPLETED)) {
        completed++;
        continue;
      }
      approveBids(mine);
      boolean live =
          mine.stream()
              .anyMatch(e -> !e.computeStateType().isDiscarded() && !isCompletedService(type, e));
      if (!live) {
        long failures =
            mine.stream().filter(e -> e.computeStateType() == ExecutionStateType.FAILED).count();
        if (failures > settings.maxRetries()) {
          fail("Job failed because it has been retried too many times", current);
          return;
        }
        needing.add(partition);
      }
    }
    if (type == JobType.BATCH && count > 0 && completed == count) {
      plan.transition(JobStateType.COMPLETED, "");
      return;
    }
    if (count == 0) {
      Scheduler.stopAll(
          plan,
          current,
          now,
          "Execution stop requested because there are more executions than needed");
      if (type == JobType.BATCH) {
        plan.transition(JobStateType.COMPLETED, "");
      }
      return;
    }
    if (!needing.isEmpty()) {
      place(needing, current, nodes);
    }
  }

  private static boolean isCompletedService(JobType type, Execution e) {
    return type == JobType.SERVICE && e.computeStateType() == ExecutionStateType.COMPLETED;
  }

  /** The oldest accepted bid of a partition runs; any other bid is turned down. */
  private void approveBids(List<Execution> partition) {
    boolean running = partition.stream().anyMatch(e -> e.computeStateType().isExecuting());
    for (Execution e : partition) {
      if (e.computeStateType() != ExecutionStateType.ASK_FOR_BID_ACCEPTED
          || e.desiredStateType() != ExecutionDesiredStateType.PENDING) {
        continue;
      }
      if (!running) {
        running = true;
        plan.update(
            e.withDesiredState(State.of(ExecutionDesiredStateType.RUNNING))
                .withComputeState(State.of(ExecutionStateType.BID_ACCEPTED)),
            Event.of(HistoryTopics.EXECUTION, "Running", now));
      } else {
        plan.update(
            e.withDesiredState(State.of(ExecutionDesiredStateType.STOPPED, "bid rejected"))
                .withComputeState(State.of(ExecutionStateType.BID_REJECTED, "bid rejected")),
            Event.of(
                HistoryTopics.SCHEDULING,
                "Execution stop requested because there are more executions than needed",
                now));
      }
    }
  }

  /**
   * Each partition on a node of its own, best ranked first. With fewer suitable nodes than
   * partitions the job queues or fails as Bacalhau's does; while it queues, the nodes there are
   * already take a partition each.
   */
  private void place(List<Integer> partitions, List<Execution> current, List<NodeInfo> nodes) {
    List<NodeSelector.Ranked> ranked = selector.rank(plan.job, nodes, current);
    List<NodeSelector.Ranked> suitable =
        ranked.stream().filter(NodeSelector.Ranked::suitable).toList();
    if (suitable.size() < partitions.size()) {
      boolean failed =
          new QueuePolicy(plan, settings, now).notEnoughNodes(partitions.size(), ranked, current);
      if (failed) {
        return;
      }
    }
    for (int i = 0; i < partitions.size() && i < suitable.size(); i++) {
      NodeInfo node = suitable.get(i).node();
      Execution e =
          Scheduler.newExecution(
              plan, node, partitions.get(i), ExecutionDesiredStateType.PENDING, now);
      plan.create(
          e,
          Event.of(
              HistoryTopics.SCHEDULING,
              "Requested execution on " + Ids.shortId(node.nodeId()),
              now));
    }
  }

  private void fail(String message, List<Execution> current) {
    plan.event(
        Event.of(
            HistoryTopics.SCHEDULING,
            message,
            now,
            java.util.Map.of(Event.DETAIL_IS_ERROR, "true")));
    plan.transition(JobStateType.FAILED, message);
    Scheduler.stopAll(plan, current, now, "Execution stopped due to job failure");
  }
}
