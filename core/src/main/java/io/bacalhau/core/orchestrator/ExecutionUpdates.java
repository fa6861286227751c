package io.bacalhau.core.orchestrator;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.State;
import io.bacalhau.core.models.Times;
import io.bacalhau.core.store.StoreTx;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Records what compute reports about executions. Each report is one transaction: the new state, its
 * event, and (when the scheduler must look again) an evaluation. A terminal execution never changes
 * again, whatever arrives late; a bid is answered once and progress only goes forward, so a report
 * that a compute node sends again (it was committed, but the orchestrator died before acknowledging
 * it) has no second effect.
 */
final class ExecutionUpdates {
  private ExecutionUpdates() {}

  static Optional<Evaluation> bidResult(
      StoreTx tx, String id, boolean accepted, String reason, Instant now) {
    return bidResult(tx, id, accepted, reason, now, e -> {});
  }

  /**
   * @param alreadyEnded told of the execution when it had already ended here: the node holds a run
   *     nobody waits for
   */
  static Optional<Evaluation> bidResult(
      StoreTx tx,
      String id,
      boolean accepted,
      String reason,
      Instant now,
      Consumer<Execution> alreadyEnded) {
    return change(
        tx,
        id,
        now,
        e -> {
          if (e.computeStateType().ordinal() > ExecutionStateType.ASK_FOR_BID.ordinal()) {
            return null; // answered before: a report resent after a restart of the orchestrator
          }
          if (!accepted) {
            return e.withComputeState(State.of(ExecutionStateType.ASK_FOR_BID_REJECTED, reason))
                .withDesiredState(State.of(ExecutionDesiredStateType.STOPPED, "bid rejected"));
          }
          boolean direct = e.desiredStateType() == ExecutionDesiredStateType.RUNNING;
          return e.withComputeState(
              State.of(
                  direct
                      ? ExecutionStateType.BID_ACCEPTED
                      : ExecutionStateType.ASK_FOR_BID_ACCEPTED,
                  reason));
        },
        accepted
            ? null
            : Event.of(
                HistoryTopics.SCHEDULING,
                "Bid rejected: " + reason,
                now,
                java.util.Map.of(Event.DETAIL_IS_ERROR, "true")),
        true,
        alreadyEnded);
  }

  static Optional<Evaluation> progressed(
      StoreTx tx, String id, ExecutionStateType state, Instant now) {
    return progressed(tx, id, state, now, e -> {});
  }

  static Optional<Evaluation> progressed(
      StoreTx tx,
      String id,
      ExecutionStateType state,
      Instant now,
      Consumer<Execution> alreadyEnded) {
    // A resent report (the orchestrator restarted before acknowledging it) never moves back.
    return change(
        tx,
        id,
        now,
        e ->
            state.ordinal() > e.computeStateType().ordinal()
                ? e.withComputeState(State.of(state))
                : null,
        null,
        false,
        alreadyEnded);
  }

  static Optional<Evaluation> completed(
      StoreTx tx, String id, SpecConfig published, RunCommandResult output, Instant now) {
    return change(
        tx,
        id,
        now,
        e ->
            e.withResult(published, output)
                .withComputeState(State.of(ExecutionStateType.COMPLETED))
                .withDesiredState(
                    State.of(ExecutionDesiredStateType.STOPPED, "execution completed")),
        Event.of(HistoryTopics.EXECUTION, completion(output), now),
        true);
  }

  /** "Completed successfully", or the exit code when the task exited non-zero. */
  static String completion(RunCommandResult output) {
    return output == null || output.exitCode() == 0
        ? "Completed successfully"
        : "Completed with exit code " + output.exitCode();
  }

  static Optional<Evaluation> failed(
      StoreTx tx, String id, BacalhauException error, RunCommandResult output, Instant now) {
    return change(
        tx,
        id,
        now,
        e ->
            e.withResult(e.publishedResult(), output)
                .withComputeState(State.of(ExecutionStateType.FAILED, error.getMessage()))
                .withDesiredState(State.of(ExecutionDesiredStateType.STOPPED, "execution failed")),
        Event.fromError(HistoryTopics.EXECUTION, error, now),
        true);
  }

  static Optional<Evaluation> cancelled(StoreTx tx, String id, String reason, Instant now) {
    return change(
        tx,
        id,
        now,
        e -> e.withComputeState(State.of(ExecutionStateType.CANCELLED, reason)),
        Event.of(HistoryTopics.EXECUTION, "Cancelled: " + reason, now),
        true);
  }

  static void event(StoreTx tx, String id, Event event) {
    tx.execution(id)
        .filter(e -> !recorded(tx, e, event))
        .ifPresent(e -> tx.appendExecutionEvent(e, event));
  }

  /**
   * Whether this very event (its compute-side time included) is among the execution's latest
   * entries: the node sent it again because the orchestrator died before acknowledging it.
   */
  private static boolean recorded(StoreTx tx, Execution e, Event event) {
    HistoryQuery latest = new HistoryQuery(0, true, "execution", e.id(), 0, 32, true);
    return tx.history(e.jobId(), latest).stream().anyMatch(h -> event.equals(h.event()));
  }

  private static Optional<Evaluation> change(
      StoreTx tx,
      String id,
      Instant now,
      UnaryOperator<Execution> update,
      Event event,
      boolean evaluate) {
    return change(tx, id, now, update, event, evaluate, e -> {});
  }

  private static Optional<Evaluation> change(
      StoreTx tx,
      String id,
      Instant now,
      UnaryOperator<Execution> update,
      Event event,
      boolean evaluate,
      Consumer<Execution> alreadyEnded) {
    Optional<Execution> found = tx.execution(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (found.get().computeStateType().isTerminal()) {
      alreadyEnded.accept(found.get());
      return Optional.empty();
    }
    Execution before = found.get();
    Execution updated = update.apply(before);
    if (updated == null) {
      return Optional.empty();
    }
    Execution after = updated.touched(before.revision() + 1, Times.nanos(now));
    tx.putExecution(after);
    if (event != null) {
      tx.appendExecutionEvent(after, event);
    }
    if (!evaluate) {
      return Optional.empty();
    }
    Job job = tx.requireJob(after.jobId());
    long nanos = Times.nanos(now);
    Evaluation eval = Evaluation.pending(job, Evaluation.TRIGGER_EXEC_UPDATE, nanos, nanos);
    tx.putEvaluation(eval);
    return Optional.of(eval);
  }
}
