package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.protocol.ComputeRouter;
import io.bacalhau.core.store.JobStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the orchestrator does when a compute node joins or leaves: the store changes of {@link
 * NodeChanges}, the node's load forgotten, and the runs a returning node still holds cancelled.
 * Runs on the orchestrator's worker thread.
 */
final class Membership {
  private final JobStore store;
  private final String instanceId;
  private final Clock clock;
  private final NodeLoad load;
  private final StaleExecutions stale;

  Membership(JobStore store, String instanceId, Clock clock, NodeLoad load, StaleExecutions stale) {
    this.store = store;
    this.instanceId = instanceId;
    this.clock = clock;
    this.load = load;
    this.stale = stale;
  }

  /** Returns the evaluations to schedule. */
  List<Evaluation> joined(String nodeId, ComputeRouter compute) {
    // Runs it still holds from before it left have been failed and placed again elsewhere.
    stale.rejoined(nodeId).forEach(id -> cancel(compute, nodeId, id));
    List<Evaluation> made = new ArrayList<>();
    store.update(tx -> made.addAll(NodeChanges.joined(tx, instanceId, nodeId, clock.instant())));
    return made;
  }

  /** Returns the evaluations to schedule. */
  List<Evaluation> left(String nodeId, String reason) {
    load.nodeGone(nodeId);
    List<Evaluation> made = new ArrayList<>();
    store.update(
        tx -> {
          NodeChanges.Left left = NodeChanges.left(tx, instanceId, nodeId, reason, clock.instant());
          stale.disappeared(nodeId, left.failed());
          made.addAll(left.evaluations());
        });
    return made;
  }

  /** Cancels on their nodes the runs reported after they had ended here. */
  void cancelReportedStale(ComputeRouter compute) {
    stale.drainReported().forEach(e -> cancel(compute, e.nodeId(), e.id()));
  }

  private static void cancel(ComputeRouter compute, String nodeId, String executionId) {
    compute
        .channel(nodeId)
        .ifPresent(c -> c.cancel(executionId, "the orchestrator already ended this execution"));
  }
}
