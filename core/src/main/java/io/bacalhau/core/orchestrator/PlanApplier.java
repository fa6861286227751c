package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.State;
import io.bacalhau.core.models.Times;
import io.bacalhau.core.protocol.ComputeChannel;
import io.bacalhau.core.protocol.ComputeRouter;
import io.bacalhau.core.store.StoreTx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a plan in the caller's transaction and, once committed, tells compute what changed: new
 * executions to bid on, accepted bids to run, accepted bids that lost, stopped executions to
 * cancel. Each message goes to the node its execution is placed on.
 */
final class PlanApplier {
  private PlanApplier() {}

  /** Work for compute that may only be sent after the plan committed. */
  record Dispatch(
      Job job,
      List<Execution> askForBid,
      List<Execution> start,
      List<Execution> reject,
      List<Execution> cancel,
      List<String> ended,
      List<Evaluation> evaluations) {
    /** Nothing for compute, only an evaluation to process once committed. */
    static Dispatch evaluateLater(Evaluation evaluation) {
      return new Dispatch(
          null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(evaluation));
    }

    void send(ComputeRouter router) {
      askForBid.forEach(e -> to(router, e).ifPresent(c -> c.askForBid(job, e)));
      start.forEach(e -> to(router, e).ifPresent(c -> c.bidAccepted(job, e)));
      reject.forEach(
          e -> to(router, e).ifPresent(c -> c.bidRejected(e.id(), e.desiredState().message())));
      cancel.forEach(
          e -> to(router, e).ifPresent(c -> c.cancel(e.id(), e.desiredState().message())));
    }

    private static Optional<ComputeChannel> to(ComputeRouter router, Execution e) {
      return router.channel(e.nodeId());
    }
  }

  static Dispatch apply(StoreTx tx, Plan plan, Instant now) {
    long nanos = Times.nanos(now);
    Job job = plan.job;
    List<Execution> ask = new ArrayList<>();
    List<Execution> start = new ArrayList<>();
    List<Execution> reject = new ArrayList<>();
    List<Execution> cancel = new ArrayList<>();
    List<String> ended = new ArrayList<>();
    for (Plan.ExecutionUpdate u : plan.updates.values()) {
      Execution e = u.execution();
      String id = e.id();
      boolean isNew = plan.newExecutions.stream().anyMatch(n -> n.id().equals(id));
      Execution before = isNew ? null : tx.execution(e.id()).orElse(null);
      if (before != null && before.computeStateType().isTerminal()) {
        continue; // a terminal execution never changes again
      }
      if (isNew) {
        e = e.withComputeState(State.of(ExecutionStateType.ASK_FOR_BID));
        ask.add(e);
      } else if (e.desiredStateType() == ExecutionDesiredStateType.RUNNING
          && e.computeStateType() == ExecutionStateType.BID_ACCEPTED
          && before != null
          && before.computeStateType() == ExecutionStateType.ASK_FOR_BID_ACCEPTED) {
        start.add(e);
      } else if (e.computeStateType() == ExecutionStateType.BID_REJECTED
          && before != null
          && before.computeStateType() == ExecutionStateType.ASK_FOR_BID_ACCEPTED) {
        reject.add(e);
      } else if (e.desiredStateType() == ExecutionDesiredStateType.STOPPED
          && before != null
          && before.computeStateType().isExecuting()) {
        cancel.add(e);
      }
      Execution stored = e.touched(before == null ? 1 : before.revision() + 1, nanos);
      tx.putExecution(stored);
      if (stored.computeStateType().isTerminal()) {
        ended.add(stored.id());
      }
      for (Event event : u.events()) {
        tx.appendExecutionEvent(stored, event);
      }
    }
    Job stored = tx.requireJob(job.id());
    boolean stale = stored.stateType().isTerminal() && !job.stateType().isTerminal();
    if (plan.newState != null && plan.newState != job.stateType() && !stale) {
      job = transition(tx, job, plan.newState, plan.stateMessage, now);
    }
    for (Event event : plan.jobEvents) {
      tx.appendJobEvent(job, event);
    }
    if (plan.evaluation != null) {
      tx.putEvaluation(plan.evaluation.withStatus(Evaluation.STATUS_COMPLETE, "", nanos));
    }
    plan.newEvaluations.forEach(tx::putEvaluation);
    return new Dispatch(job, ask, start, reject, cancel, ended, plan.newEvaluations);
  }

  /** Moves a job to a new state with its "State Update" event; the Revision counts such moves. */
  static Job transition(StoreTx tx, Job job, JobStateType state, String message, Instant now) {
    Job updated =
        job.toBuilder()
            .state(new State<>(state, message, Map.of()))
            .revision(job.revision() + 1)
            .modifyTime(Times.nanos(now))
            .build();
    tx.updateJob(updated);
    if (state.isTerminal()) {
      tx.cancelPendingEvaluations(job.id(), "job is " + state.label(), Times.nanos(now));
    }
    String text =
        message == null || message.isBlank() ? state.label() : state.label() + ". " + message;
    Map<String, String> details =
        state == JobStateType.FAILED
            ? Map.of(Event.DETAIL_NEW_STATE, state.label(), Event.DETAIL_IS_ERROR, "true")
            : Map.of(Event.DETAIL_NEW_STATE, state.label());
    tx.appendJobEvent(updated, Event.of(HistoryTopics.STATE_UPDATE, text, now, details));
    return updated;
  }
}
