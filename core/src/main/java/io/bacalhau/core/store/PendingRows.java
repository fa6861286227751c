package io.bacalhau.core.store;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Executions and evaluations a write has put but not yet written, the last put of each, in the
 * order first put: several steps of a job in one batch (a report from compute, then the evaluation
 * it asks for) rewrite the same rows, which are then encoded and written once.
 */
final class PendingRows {
  private final Map<String, Execution> executions = new LinkedHashMap<>();
  private final Map<String, Evaluation> evaluations = new LinkedHashMap<>();

  /** What was pending at a savepoint, to be pending again should the part after it fail. */
  record Snapshot(Map<String, Execution> executions, Map<String, Evaluation> evaluations) {}

  void put(Execution e) {
    executions.put(e.id(), e);
  }

  void put(Evaluation e) {
    evaluations.put(e.id(), e);
  }

  Execution execution(String id) {
    return executions.get(id);
  }

  Evaluation evaluation(String id) {
    return evaluations.get(id);
  }

  boolean hasExecutions() {
    return !executions.isEmpty();
  }

  boolean hasEvaluations() {
    return !evaluations.isEmpty();
  }

  /** A job's stored executions with the pending ones in their place, ordered as the store would. */
  List<Execution> overlay(String jobId, List<Execution> stored) {
    if (executions.isEmpty()) {
      return stored;
    }
    Map<String, Execution> byId = new LinkedHashMap<>();
    stored.forEach(e -> byId.put(e.id(), e));
    boolean added = false;
    for (Execution e : executions.values()) {
      if (e.jobId().equals(jobId)) {
        added |= byId.put(e.id(), e) == null;
      }
    }
    List<Execution> all = new ArrayList<>(byId.values());
    if (added) {
      all.sort(Comparator.comparingLong(Execution::createTime).thenComparing(Execution::id));
    }
    return all;
  }

  /** The pending executions, now no longer pending. */
  List<Execution> takeExecutions() {
    List<Execution> rows = new ArrayList<>(executions.values());
    executions.clear();
    return rows;
  }

  /** The pending evaluations, now no longer pending. */
  List<Evaluation> takeEvaluations() {
    List<Evaluation> rows = new ArrayList<>(evaluations.values());
    evaluations.clear();
    return rows;
  }

  Snapshot snapshot() {
    return new Snapshot(new LinkedHashMap<>(executions), new LinkedHashMap<>(evaluations));
  }

  void restore(Snapshot snapshot) {
    executions.clear();
    executions.putAll(snapshot.executions());
    evaluations.clear();
    evaluations.putAll(snapshot.evaluations());
  }

  void clear() {
    executions.clear();
    evaluations.clear();
  }
}
