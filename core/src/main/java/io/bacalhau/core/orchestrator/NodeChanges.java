package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.State;
import io.bacalhau.core.models.Times;
import io.bacalhau.core.store.StoreTx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a compute node joining or leaving the cluster means for the jobs this orchestrator owns, as
 * Bacalhau's re-evaluator sees it. Both are rare next to job traffic, so they may look at every
 * unfinished job.
 */
final class NodeChanges {
  /** Bacalhau's message for an execution whose node went away; users search for it. */
  static final String NODE_DISAPPEARED = "node has disappeared";

  private NodeChanges() {}

  /** The evaluations a node's leaving asks for, and the executions it failed. */
  record Left(List<Evaluation> evaluations, List<String> failed) {}

  /**
   * Fails the node's active executions ("node has disappeared") and evaluates their jobs, so that
   * their partitions are placed on other nodes.
   */
  static Left left(StoreTx tx, String instanceId, String nodeId, String reason, Instant now) {
    List<Evaluation> evaluations = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (Job job : owned(tx, instanceId)) {
      boolean touched = false;
      for (Execution e : tx.executions(job.id())) {
        if (e.nodeId().equals(nodeId) && !e.computeStateType().isTerminal()) {
          fail(tx, e, reason, now);
          failed.add(e.id());
          touched = true;
        }
      }
      if (touched) {
        evaluations.add(evaluation(tx, job, Evaluation.TRIGGER_EXEC_FAILURE, now));
      }
    }
    return new Left(evaluations, failed);
  }

  /**
   * Evaluates the jobs a new node may change: daemon and ops jobs (they run on every matching
   * node), jobs with executions there, and jobs short of live executions (queued for want of nodes:
   * they need not wait for their next QueueBackoff look).
   */
  static List<Evaluation> joined(StoreTx tx, String instanceId, String nodeId, Instant now) {
    List<Evaluation> evaluations = new ArrayList<>();
    for (Job job : owned(tx, instanceId)) {
      JobType type = job.jobType().orElse(JobType.BATCH);
      if (!type.isPartitioned()
          || job.stateType() == JobStateType.QUEUED
          || waits(tx, job, nodeId)) {
        evaluations.add(evaluation(tx, job, Evaluation.TRIGGER_NODE_JOIN, now));
      }
    }
    return evaluations;
  }

  private static boolean waits(StoreTx tx, Job job, String nodeId) {
    List<Execution> executions = tx.executions(job.id());
    long live =
        executions.stream()
            .filter(e -> e.jobVersion() == job.version() && !e.computeStateType().isTerminal())
            .count();
    return live < job.count() || executions.stream().anyMatch(e -> e.nodeId().equals(nodeId));
  }

  private static List<Job> owned(StoreTx tx, String instanceId) {
    return tx.jobsWithWork().stream()
        .filter(j -> !j.stateType().isTerminal())
        .filter(j -> instanceId.equals(tx.owner(j.id())))
        .toList();
  }

  private static void fail(StoreTx tx, Execution e, String reason, Instant now) {
    String why = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    Execution failed =
        e.withComputeState(State.of(ExecutionStateType.FAILED, NODE_DISAPPEARED))
            .withDesiredState(State.of(ExecutionDesiredStateType.STOPPED, NODE_DISAPPEARED))
            .touched(e.revision() + 1, Times.nanos(now));
    tx.putExecution(failed);
    tx.appendExecutionEvent(
        failed,
        Event.of(
            HistoryTopics.EXECUTION,
            "Execution failed: " + NODE_DISAPPEARED + why,
            now,
            Map.of(Event.DETAIL_IS_ERROR, "true")));
  }

  private static Evaluation evaluation(StoreTx tx, Job job, String trigger, Instant now) {
    long nanos = Times.nanos(now);
    Evaluation eval = Evaluation.pending(job, trigger, nanos, nanos);
    tx.putEvaluation(eval);
    return eval;
  }
}
