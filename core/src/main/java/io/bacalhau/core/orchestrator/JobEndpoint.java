package io.bacalhau.core.orchestrator;

import io.bacalhau.core.analytics.Analytics;
import io.bacalhau.core.client.JobDiff;
import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.HistoryTopics;
import io.bacalhau.core.models.Ids;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.State;
import io.bacalhau.core.models.Times;
import io.bacalhau.core.store.JobStore;
import io.bacalhau.core.store.StoreTx;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The user's requests: submit (new job or new version by Name), stop, rerun. Each writes the job,
 * its history event and an evaluation in one transaction, so an acknowledged request is never lost.
 */
final class JobEndpoint {
  private final JobStore store;
  private final String instanceId;
  private final SubmissionPipeline pipeline;
  private final Clock clock;
  private final Supplier<Analytics> analytics;

  JobEndpoint(
      JobStore store,
      String instanceId,
      SubmissionPipeline pipeline,
      Clock clock,
      Supplier<Analytics> analytics) {
    this.store = store;
    this.instanceId = instanceId;
    this.pipeline = pipeline;
    this.clock = clock;
    this.analytics = analytics;
  }

  /** How a spec differs from the stored job of its name, judged as a submission would be. */
  JobDiff diff(Job submitted) {
    if (submitted.name().isBlank()) {
      throw BacalhauException.badRequest(
          "the job has no name: a diff compares it with the stored job of the same name",
          "Give the job a Name.");
    }
    SubmissionPipeline.Prepared prepared = pipeline.prepare(submitted);
    Job job = prepared.job();
    Job stored =
        store
            .read(r -> r.jobByName(job.name(), job.namespace()))
            .orElseThrow(
                () ->
                    BacalhauException.notFound(
                        "JobStore",
                        "job not found: " + job.name() + " in namespace " + job.namespace()));
    return new JobDiff(SpecDiff.diff(stored, job), prepared.warnings());
  }

  SubmitResult submit(Job submitted, boolean force) {
    SubmissionPipeline.Prepared prepared = pipeline.prepare(submitted);
    Instant now = clock.instant();
    long nanos = Times.nanos(now);
    return store.write(
        tx -> {
          Job job = prepared.job();
          Optional<Job> existing = byName(tx, job);
          String trigger;
          if (existing.isPresent()) {
            Job old = existing.get();
            if (!force && SpecComparison.sameSpec(old, job)) {
              throw BacalhauException.builder(
                      ErrorCode.NO_CHANGES,
                      "no changes detected for new job spec. Job Name: '"
                          + old.name()
                          + "', Job Id: '"
                          + old.id()
                          + "'")
                  .component("Orchestrator")
                  .hint("Use the --force flag to override this warning")
                  .build();
            }
            job =
                job.toBuilder()
                    .id(old.id())
                    .version(old.version() + 1)
                    .revision(1)
                    .state(State.of(JobStateType.PENDING, "Job update requested by user"))
                    .createTime(old.createTime())
                    .modifyTime(nanos)
                    .build();
            tx.putJob(job, instanceId);
            tx.appendJobEvent(job, Event.of(HistoryTopics.SUBMISSION, "Job updated", now));
            trigger = Evaluation.TRIGGER_JOB_UPDATE;
          } else {
            job =
                job.toBuilder()
                    .version(1)
                    .revision(1)
                    .state(State.of(JobStateType.PENDING))
                    .createTime(nanos)
                    .modifyTime(nanos)
                    .build();
            tx.putJob(job, instanceId);
            tx.appendJobEvent(job, Event.of(HistoryTopics.SUBMISSION, "Job submitted", now));
            trigger = Evaluation.TRIGGER_JOB_REGISTER;
          }
          Evaluation eval = evaluation(tx, job, trigger, nanos);
          analytics.get().submitted(job, prepared.warnings()); // analytics: job submitted
          return new SubmitResult(job.id(), eval.id(), job.version(), prepared.warnings());
        });
  }

  /** Stops a job; no evaluation when it was already over. */
  Optional<Evaluation> stop(String idOrName, String namespace, String reason) {
    Instant now = clock.instant();
    return store.write(
        tx -> {
          Job job = tx.resolveJob(idOrName, namespace);
          JobStateType state = job.stateType();
          if (state == JobStateType.COMPLETED) {
            throw BacalhauException.builder(
                    ErrorCode.CONFLICT_JOB_STATE, "cannot stop job in state Completed")
                .component("JobStore")
                .build();
          }
          if (state == JobStateType.STOPPED) {
            return Optional.empty();
          }
          Map<String, String> details = new LinkedHashMap<>();
          details.put("Reason", reason);
          tx.appendJobEvent(
              job,
              Event.of(
                  HistoryTopics.SCHEDULING,
                  "Job requested to stop before completion",
                  now,
                  details));
          Job stopped = PlanApplier.transition(tx, job, JobStateType.STOPPED, reason, now);
          analytics.get().jobChanged(job, stopped); // analytics: job terminal (stopped)
          if (state == JobStateType.FAILED) {
            return Optional.empty();
          }
          return Optional.of(
              evaluation(tx, stopped, Evaluation.TRIGGER_JOB_CANCEL, Times.nanos(now)));
        });
  }

  SubmitResult rerun(String idOrName, String namespace, long version, String reason) {
    Instant now = clock.instant();
    long nanos = Times.nanos(now);
    return store.write(
        tx -> {
          Job current = tx.resolveJob(idOrName, namespace);
          if (!current.stateType().isRerunnable()) {
            throw BacalhauException.builder(
                    ErrorCode.CONFLICT_JOB_STATE,
                    "job " + current.id() + " cannot be rerun while it is " + current.stateType())
                .component("Orchestrator")
                .hint(
                    "Wait for it to run, or stop it first with 'bacalhau job stop "
                        + Ids.shortId(current.id())
                        + "'.")
                .build();
          }
          Job base =
              version > 0
                  ? tx.jobVersion(current.id(), version)
                      .orElseThrow(() -> versionNotFound(current, version))
                  : current;
          Job job =
              base.toBuilder()
                  .version(current.version() + 1)
                  .revision(1)
                  .state(State.of(JobStateType.PENDING))
                  .modifyTime(nanos)
                  .build();
          tx.putJob(job, instanceId);
          Map<String, String> details =
              reason == null || reason.isBlank() ? Map.of() : Map.of("Reason", reason);
          tx.appendJobEvent(
              job, Event.of(HistoryTopics.SUBMISSION, "Job rerun requested", now, details));
          Evaluation eval = evaluation(tx, job, Evaluation.TRIGGER_JOB_RERUN, nanos);
          return new SubmitResult(job.id(), eval.id(), job.version(), List.of());
        });
  }

  private static BacalhauException versionNotFound(Job job, long version) {
    return BacalhauException.builder(
            ErrorCode.NOT_FOUND, "job version " + version + " not found for job " + job.id())
        .component("JobStore")
        .build();
  }

  /**
   * The job this one updates: by exact name only (as an ID prefix too, it would scan every job).
   */
  private static Optional<Job> byName(StoreTx tx, Job job) {
    return tx.jobByName(job.name(), job.namespace());
  }

  private static Evaluation evaluation(StoreTx tx, Job job, String trigger, long nanos) {
    Evaluation eval = Evaluation.pending(job, trigger, 0, nanos);
    tx.putEvaluation(eval);
    long total = job.task().timeouts().totalTimeout();
    if (total > 0 && !job.jobType().map(t -> t.isLongRunning()).orElse(false)) {
      // Wakes the scheduler when the total timeout runs out, so a stuck job still ends.
      // Saturates: a huge timeout must put the wake-up far ahead, never wrap it into the past.
      long due = Times.plus(Times.plusSeconds(nanos, total), 1_000_000);
      tx.putEvaluation(Evaluation.pending(job, Evaluation.TRIGGER_JOB_TIMEOUT, due, nanos));
    }
    return eval;
  }
}
