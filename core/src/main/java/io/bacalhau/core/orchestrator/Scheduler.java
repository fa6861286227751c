package io.bacalhau.core.orchestrator;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.jobspec.ResourceParser;
import io.bacalhau.core.models.AllocatedResources;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.State;
import io.bacalhau.core.models.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides what should happen to one job now, from its executions and the nodes that could run it.
 * Batch and service jobs keep one live execution per partition; ops and daemon jobs one per
 * matching node. The result is a {@link Plan}; nothing here writes.
 */
final class Scheduler {
  private final SchedulerSettings settings;
  private final NodeSelector selector;

  Scheduler(SchedulerSettings settings) {
    this.settings = settings;
    this.selector = new NodeSelector(settings.maxRetries() + 1);
  }

  Plan schedule(
      Job job,
      Evaluation evaluation,
      List<Execution> executions,
      List<NodeInfo> nodes,
      Instant now) {
    Duration age = Duration.ofNanos(Times.minus(Times.nanos(now), job.createTime()));
    return schedule(job, evaluation, executions, nodes, now, age);
  }

  /**
   * @param age how long ago the job's current version was submitted (a rerun or an update starts
   *     its timeouts afresh), as {@link JobAges} measures it
   */
  Plan schedule(
      Job job,
      Evaluation evaluation,
      List<Execution> executions,
      List<NodeInfo> nodes,
      Instant now,
      Duration age) {
    Plan plan = new Plan(job, evaluation, Times.nanos(age));
    if (job.stateType().isTerminal()) {
      stopAll(plan, executions, now, "Execution stop requested because job has been stopped");
      return plan;
    }
    for (Execution e : executions) {
      if (e.jobVersion() != job.version() && !e.computeStateType().isTerminal()) {
        plan.update(stop(e, now, "Execution stopped for job update"), null);
      }
    }
    List<Execution> current =
        executions.stream().filter(e -> e.jobVersion() == job.version()).toList();
    JobType type = job.jobType().orElse(JobType.BATCH);
    if (!type.isLongRunning() && totalTimeoutExceeded(plan, current, now)) {
      return plan;
    }
    if (type.isPartitioned()) {
      new PartitionedPlanner(plan, settings, selector, now).plan(type, current, nodes);
    } else {
      new PerNodePlanner(plan, selector, now).plan(type, current, nodes);
    }
    if (plan.newState == null
        && anyRunning(plan, current)
        && (job.stateType() == JobStateType.PENDING || job.stateType() == JobStateType.QUEUED)) {
      plan.transition(JobStateType.RUNNING, "");
    }
    return plan;
  }

  private boolean totalTimeoutExceeded(Plan plan, List<Execution> current, Instant now) {
    long total = plan.job.task().timeouts().totalTimeout();
    if (total <= 0) {
      return false;
    }
    long left = Times.minus(Times.secondsAsNanos(total), plan.ageNanos);
    if (left >= 0) {
      if (Evaluation.TRIGGER_JOB_TIMEOUT.equals(plan.evaluation.triggeredBy())) {
        // Woken early: the wall clock the wake-up was set on was stepped forward. Wake again when
        // the timeout really runs out, or a job nothing else wakes would never end.
        plan.newEvaluations.add(timeoutWakeUp(plan.job, now, Times.plus(left, 1_000_000)));
      }
      return false;
    }
    BacalhauException error =
        BacalhauException.builder(
                ErrorCode.TIME_OUT,
                "Job timed out. Job took longer than "
                    + DurationText.format(Duration.ofSeconds(total)))
            .component("Orchestrator")
            .hint("Increase the task timeout or allocate more resources")
            .build();
    plan.event(Event.fromError(HistoryTopics.JOB_TIMEOUT, error, now));
    plan.transition(JobStateType.FAILED, error.getMessage());
    stopAll(plan, current, now, "Execution stopped due to job failure");
    return true;
  }

  private static Evaluation timeoutWakeUp(Job job, Instant now, long inNanos) {
    long nanos = Times.nanos(now);
    return Evaluation.pending(
        job, Evaluation.TRIGGER_JOB_TIMEOUT, Times.plus(nanos, inNanos), nanos);
  }

  static void stopAll(Plan plan, List<Execution> executions, Instant now, String reason) {
    for (Execution e : executions) {
      if (!e.computeStateType().isTerminal()
          && e.desiredStateType() != ExecutionDesiredStateType.STOPPED) {
        plan.update(stop(e, now, reason), Event.of(HistoryTopics.SCHEDULING, reason, now));
      }
    }
  }

  /**
   * Executions the node has not started yet are cancelled outright; running ones are asked to stop
   * and report Cancelled themselves.
   */
  static Execution stop(Execution e, Instant now, String reason) {
    Execution stopped = e.withDesiredState(State.of(ExecutionDesiredStateType.STOPPED, reason));
    if (!e.computeStateType().isExecuting()) {
      stopped = stopped.withComputeState(State.of(ExecutionStateType.CANCELLED, reason));
    }
    return stopped;
  }

  private static boolean anyRunning(Plan plan, List<Execution> current) {
    Map<String, Execution> latest =
        current.stream().collect(Collectors.toMap(Execution::id, e -> e, (a, b) -> b));
    plan.updates.values().forEach(u -> latest.put(u.execution().id(), u.execution()));
    return latest.values().stream()
        .anyMatch(
            e ->
                e.desiredStateType() == ExecutionDesiredStateType.RUNNING
                    && !e.computeStateType().isTerminal());
  }

  /** A new execution of the job on a node, waiting to be offered. */
  static Execution newExecution(
      Plan plan, NodeInfo node, int partition, ExecutionDesiredStateType desired, Instant now) {
    Job job = plan.job;
    long nanos = Times.nanos(now);
    return Execution.builder()
        .id(Ids.execution())
        .namespace(job.namespace())
        .evalId(plan.evaluation.id())
        .name(job.name())
        .nodeId(node.nodeId())
        .jobId(job.id())
        .jobVersion(job.version())
        .allocatedResources(
            AllocatedResources.of(job.task().name(), ResourceParser.parse(job.task().resources())))
        .desiredState(State.of(desired))
        .computeState(State.of(ExecutionStateType.NEW))
        .partitionIndex(partition)
        .revision(1)
        .createTime(nanos)
        .modifyTime(nanos)
        .build();
  }

  static Comparator<Execution> oldestFirst() {
    return Comparator.comparingLong(Execution::createTime).thenComparing(Execution::id);
  }
}
