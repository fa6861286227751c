package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A reason to look at a job again: the scheduler's unit of work. WaitUntil delays it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Evaluation(
    @JsonProperty("ID") String id,
    @JsonProperty("Namespace") String namespace,
    @JsonProperty("JobID") String jobId,
    @JsonProperty("TriggeredBy") String triggeredBy,
    @JsonProperty("Priority") int priority,
    @JsonProperty("Type") String type,
    @JsonProperty("Status") String status,
    @JsonProperty("Comment") String comment,
    @JsonProperty("WaitUntil") long waitUntil,
    @JsonProperty("CreateTime") long createTime,
    @JsonProperty("ModifyTime") long modifyTime) {

  public static final String STATUS_PENDING = "pending";
  public static final String STATUS_COMPLETE = "complete";
  public static final String STATUS_FAILED = "failed";
  public static final String STATUS_CANCELED = "canceled";

  public static final String TRIGGER_JOB_REGISTER = "job-register";
  public static final String TRIGGER_JOB_UPDATE = "job-update";
  public static final String TRIGGER_JOB_CANCEL = "job-cancel";
  public static final String TRIGGER_JOB_RERUN = "job-rerun";
  public static final String TRIGGER_JOB_QUEUE = "job-queue";
  public static final String TRIGGER_JOB_TIMEOUT = "job-timeout";
  public static final String TRIGGER_EXEC_FAILURE = "exec-failure";
  public static final String TRIGGER_EXEC_UPDATE = "exec-update";
  public static final String TRIGGER_EXEC_TIMEOUT = "exec-timeout";
  public static final String TRIGGER_NODE_JOIN = "node-join";

  public Evaluation {
    id = Immutables.string(id);
    namespace = Immutables.string(namespace);
    jobId = Immutables.string(jobId);
    triggeredBy = Immutables.string(triggeredBy);
    type = Immutables.string(type);
    status = Immutables.string(status);
    comment = Immutables.string(comment);
    // Before timeouts were bounded, a huge one wrapped WaitUntil negative; such an evaluation,
    // still in a store, is due now rather than a wait that stalls every evaluation behind it.
    waitUntil = Math.max(0, waitUntil);
  }

  /** A pending evaluation of {@code job}'s current state, due at {@code waitUntil} (0: now). */
  public static Evaluation pending(Job job, String trigger, long waitUntil, long nanos) {
    return pending(job, trigger, "", waitUntil, nanos);
  }

  public static Evaluation pending(
      Job job, String trigger, String comment, long waitUntil, long nanos) {
    return new Evaluation(
        Ids.evaluation(),
        job.namespace(),
        job.id(),
        trigger,
        job.priority(),
        job.type(),
        STATUS_PENDING,
        comment,
        waitUntil,
        nanos,
        nanos);
  }

  public boolean isTerminal() {
    return STATUS_COMPLETE.equals(status)
        || STATUS_FAILED.equals(status)
        || STATUS_CANCELED.equals(status);
  }

  public Evaluation withStatus(String newStatus, String newComment, long nanos) {
    return new Evaluation(
        id,
        namespace,
        jobId,
        triggeredBy,
        priority,
        type,
        newStatus,
        newComment,
        waitUntil,
        createTime,
        nanos);
  }
}
