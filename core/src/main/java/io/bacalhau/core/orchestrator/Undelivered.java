package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.protocol.ComputeRouter;
import io.bacalhau.core.store.StoreReader;
import java.util.Optional;

/**
 * A message to a compute node that a dead orchestrator process may have recorded but never
 * delivered: its outbox lived in memory. It is derived again from the store when another process
 * adopts the job: an execution still waiting for its bid was asked for one, one accepted but not
 * reported running was told to start, one to stop but still executing was told to cancel. Compute
 * nodes ignore a message about an execution they already know, so sending it again is safe.
 */
record Undelivered(Kind kind, Job job, Execution execution) {

  enum Kind {
    ASK_FOR_BID,
    BID_ACCEPTED,
    CANCEL
  }

  /** The message {@code e}'s state says may be owed to its node, if any. */
  static Optional<Undelivered> of(StoreReader r, Job latest, Execution e) {
    ExecutionStateType state = e.computeStateType();
    ExecutionDesiredStateType desired = e.desiredStateType();
    Kind kind;
    if (state.isTerminal()) {
      return Optional.empty();
    } else if (desired == ExecutionDesiredStateType.STOPPED && state.isExecuting()) {
      kind = Kind.CANCEL;
    } else if (state == ExecutionStateType.ASK_FOR_BID) {
      kind = Kind.ASK_FOR_BID;
    } else if (state == ExecutionStateType.BID_ACCEPTED
        && desired == ExecutionDesiredStateType.RUNNING) {
      kind = Kind.BID_ACCEPTED;
    } else {
      return Optional.empty();
    }
    Job job =
        e.jobVersion() == latest.version()
            ? latest
            : r.jobVersion(latest.id(), e.jobVersion()).orElse(latest);
    return Optional.of(new Undelivered(kind, job, e));
  }

  void send(ComputeRouter router) {
    router
        .channel(execution.nodeId())
        .ifPresent(
            c -> {
              switch (kind) {
                case ASK_FOR_BID -> c.askForBid(job, execution);
                case BID_ACCEPTED -> c.bidAccepted(job, execution);
                case CANCEL -> c.cancel(execution.id(), execution.desiredState().message());
              }
            });
  }
}
