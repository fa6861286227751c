package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one scheduling pass decided: executions to create or change, a new job state, events and
 * follow-up evaluations. It is applied in one transaction.
 */
final class Plan {
  final Job job;
  final Evaluation evaluation;

  /**
   * How long ago this version was submitted: its TotalTimeout and QueueTimeout count from then (see
   * {@link JobAges}).
   */
  final long ageNanos;

  final List<Execution> newExecutions = new ArrayList<>();
  final Map<String, ExecutionUpdate> updates = new LinkedHashMap<>();
  final List<Event> jobEvents = new ArrayList<>();
  final List<Evaluation> newEvaluations = new ArrayList<>();
  JobStateType newState;
  String stateMessage = "";

  Plan(Job job, Evaluation evaluation, long ageNanos) {
    this.job = job;
    this.evaluation = evaluation;
    this.ageNanos = ageNanos;
  }

  void create(Execution execution, Event event) {
    newExecutions.add(execution);
    updates.put(execution.id(), new ExecutionUpdate(execution, List.of(event)));
  }

  void update(Execution execution, Event event) {
    ExecutionUpdate previous = updates.get(execution.id());
    List<Event> events = new ArrayList<>(previous == null ? List.of() : previous.events());
    if (event != null) {
      events.add(event);
    }
    updates.put(execution.id(), new ExecutionUpdate(execution, events));
  }

  void transition(JobStateType state, String message) {
    newState = state;
    stateMessage = message == null ? "" : message;
  }

  void event(Event event) {
    jobEvents.add(event);
  }

  /** One changed execution with the events that explain the change. */
  record ExecutionUpdate(Execution execution, List<Event> events) {}
}
