package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.State;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.models.TimeoutConfig;
import io.bacalhau.core.models.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One job's scheduling situation, built in code: the job, its executions and the nodes, at a time
 * the test chooses. {@link #schedule} runs the real scheduler on it; nothing is stored.
 */
final class Scheduling {
  static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
  static final SchedulerSettings SETTINGS = new SchedulerSettings(2, Duration.ofSeconds(30));

  Job job;
  final List<Execution> executions = new ArrayList<>();
  final List<NodeInfo> nodes = new ArrayList<>();
  private int serial;

  Scheduling(JobType type, int count) {
    this(type, count, TimeoutConfig.NONE);
  }

  Scheduling(JobType type, int count, TimeoutConfig timeouts) {
    job =
        Job.builder()
            .id("j-sched")
            .name("sched")
            .namespace("default")
            .type(type)
            .count(count)
            .task(
                Task.builder()
                    .name("main")
                    .engine(SpecConfig.of("noop"))
                    .timeouts(timeouts)
                    .build())
            .state(State.of(JobStateType.PENDING))
            .version(1)
            .createTime(Times.nanos(CREATED))
            .build();
  }

  /** A compute node that can run noop jobs. */
  static NodeInfo node(String id) {
    return new NodeInfo(
        id,
        Map.of(),
        List.of("noop"),
        List.of("noop"),
        List.of(),
        new Resources(8, 1L << 34, 0, 0));
  }

  /** A node that lacks the noop engine. */
  static NodeInfo dockerOnly(String id) {
    return new NodeInfo(
        id, Map.of(), List.of("docker"), List.of(), List.of(), new Resources(8, 1L << 34, 0, 0));
  }

  Scheduling withNodes(String... ids) {
    for (String id : ids) {
      nodes.add(node(id));
    }
    return this;
  }

  Scheduling inState(JobStateType state) {
    job = job.withState(State.of(state));
    return this;
  }

  /** An execution of the job's current version, created after those already there. */
  Execution execution(
      String nodeId, int partition, ExecutionStateType compute, ExecutionDesiredStateType desired) {
    serial++;
    Execution e =
        Execution.builder()
            .id("e-" + serial)
            .namespace(job.namespace())
            .nodeId(nodeId)
            .jobId(job.id())
            .jobVersion(job.version())
            .partitionIndex(partition)
            .computeState(State.of(compute))
            .desiredState(State.of(desired))
            .revision(1)
            .createTime(Times.nanos(CREATED) + serial)
            .modifyTime(Times.nanos(CREATED) + serial)
            .build();
    executions.add(e);
    return e;
  }

  Execution failed(String nodeId, int partition) {
    return execution(
        nodeId, partition, ExecutionStateType.FAILED, ExecutionDesiredStateType.STOPPED);
  }

  Execution completed(String nodeId, int partition) {
    return execution(
        nodeId, partition, ExecutionStateType.COMPLETED, ExecutionDesiredStateType.STOPPED);
  }

  Execution running(String nodeId, int partition) {
    return execution(
        nodeId, partition, ExecutionStateType.RUNNING, ExecutionDesiredStateType.RUNNING);
  }

  Plan schedule(Instant now) {
    return schedule(SETTINGS, now);
  }

  Plan schedule(SchedulerSettings settings, Instant now) {
    return new Scheduler(settings)
        .schedule(
            job, evaluation(Evaluation.TRIGGER_JOB_REGISTER), List.copyOf(executions), nodes, now);
  }

  /**
   * A pass for an evaluation {@code trigger}ed, at wall time {@code now}, of a job whose version
   * has existed for {@code age} (they differ once the wall clock was stepped).
   */
  Plan schedule(String trigger, Instant now, Duration age) {
    return new Scheduler(SETTINGS)
        .schedule(job, evaluation(trigger), List.copyOf(executions), nodes, now, age);
  }

  private Evaluation evaluation(String trigger) {
    return new Evaluation(
        "ev-sched",
        job.namespace(),
        job.id(),
        trigger,
        0,
        job.type(),
        Evaluation.STATUS_PENDING,
        "",
        0,
        0,
        0);
  }

  static Instant after(Duration d) {
    return CREATED.plus(d);
  }

  /** The change the plan makes to an execution, or fails. */
  static Execution updated(Plan plan, Execution e) {
    Plan.ExecutionUpdate u = plan.updates.get(e.id());
    if (u == null) {
      throw new AssertionError("the plan does not change " + e.id() + ": " + plan.updates.keySet());
    }
    return u.execution();
  }
}
