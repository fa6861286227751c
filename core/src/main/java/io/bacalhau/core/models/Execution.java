package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One attempt to run one partition of a job version on one node. Its JSON is Bacalhau's: every key
 * written (RunOutput as null before the run reports), except Job when not loaded with it and
 * PartitionIndex when 0.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Execution(
    @JsonProperty("ID") String id,
    @JsonProperty("Namespace") String namespace,
    @JsonProperty("EvalID") String evalId,
    @JsonProperty("Name") String name,
    @JsonProperty("NodeID") String nodeId,
    @JsonProperty("JobID") String jobId,
    @JsonProperty("Job") @JsonInclude(JsonInclude.Include.NON_NULL) Job job,
    @JsonProperty("JobVersion") long jobVersion,
    @JsonProperty("AllocatedResources") AllocatedResources allocatedResources,
    @JsonProperty("DesiredState") State<ExecutionDesiredStateType> desiredState,
    @JsonProperty("ComputeState") State<ExecutionStateType> computeState,
    @JsonProperty("PublishedResult") SpecConfig publishedResult,
    @JsonProperty("RunOutput") RunCommandResult runOutput,
    @JsonProperty("PreviousExecution") String previousExecution,
    @JsonProperty("NextExecution") String nextExecution,
    @JsonProperty("FollowupEvalID") String followupEvalId,
    @JsonProperty("PartitionIndex") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        int partitionIndex,
    @JsonProperty("Revision") long revision,
    @JsonProperty("CreateTime") long createTime,
    @JsonProperty("ModifyTime") long modifyTime) {

  public Execution {
    id = Immutables.string(id);
    namespace = Immutables.string(namespace);
    evalId = Immutables.string(evalId);
    name = Immutables.string(name);
    nodeId = Immutables.string(nodeId);
    jobId = Immutables.string(jobId);
    allocatedResources = allocatedResources == null ? AllocatedResources.NONE : allocatedResources;
    desiredState =
        desiredState == null ? State.of(ExecutionDesiredStateType.PENDING) : desiredState;
    computeState = computeState == null ? State.of(ExecutionStateType.NEW) : computeState;
    publishedResult = publishedResult == null ? SpecConfig.EMPTY : publishedResult;
    previousExecution = Immutables.string(previousExecution);
    nextExecution = Immutables.string(nextExecution);
    followupEvalId = Immutables.string(followupEvalId);
  }

  public ExecutionStateType computeStateType() {
    return computeState.stateType();
  }

  public ExecutionDesiredStateType desiredStateType() {
    return desiredState.stateType();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .namespace(namespace)
        .evalId(evalId)
        .name(name)
        .nodeId(nodeId)
        .jobId(jobId)
        .job(job)
        .jobVersion(jobVersion)
        .allocatedResources(allocatedResources)
        .desiredState(desiredState)
        .computeState(computeState)
        .publishedResult(publishedResult)
        .runOutput(runOutput)
        .previousExecution(previousExecution)
        .nextExecution(nextExecution)
        .followupEvalId(followupEvalId)
        .partitionIndex(partitionIndex)
        .revision(revision)
        .createTime(createTime)
        .modifyTime(modifyTime);
  }

  public Execution withComputeState(State<ExecutionStateType> state) {
    return toBuilder().computeState(state).build();
  }

  public Execution withDesiredState(State<ExecutionDesiredStateType> state) {
    return toBuilder().desiredState(state).build();
  }

  public Execution withResult(SpecConfig published, RunCommandResult output) {
    return toBuilder().publishedResult(published).runOutput(output).build();
  }

  /** A copy stamped with a new revision and modify time, as every stored change is. */
  public Execution touched(long revisionNumber, long nanos) {
    return toBuilder().revision(revisionNumber).modifyTime(nanos).build();
  }

  /** Builds executions in code; unset fields get the record's defaults. */
  public static final class Builder {
    private String id;
    private String namespace;
    private String evalId;
    private String name;
    private String nodeId;
    private String jobId;
    private Job job;
    private long jobVersion;
    private AllocatedResources allocatedResources;
    private State<ExecutionDesiredStateType> desiredState;
    private State<ExecutionStateType> computeState;
    private SpecConfig publishedResult;
    private RunCommandResult runOutput;
    private String previousExecution;
    private String nextExecution;
    private String followupEvalId;
    private int partitionIndex;
    private long revision;
    private long createTime;
    private long modifyTime;

    public Builder id(String v) {
      id = v;
      return this;
    }

    public Builder namespace(String v) {
      namespace = v;
      return this;
    }

    public Builder evalId(String v) {
      evalId = v;
      return this;
    }

    public Builder name(String v) {
      name = v;
      return this;
    }

    public Builder nodeId(String v) {
      nodeId = v;
      return this;
    }

    public Builder jobId(String v) {
      jobId = v;
      return this;
    }

    public Builder job(Job v) {
      job = v;
      return this;
    }

    public Builder jobVersion(long v) {
      jobVersion = v;
      return this;
    }

    public Builder allocatedResources(AllocatedResources v) {
      allocatedResources = v;
      return this;
    }

    public Builder desiredState(State<ExecutionDesiredStateType> v) {
      desiredState = v;
      return this;
    }

    public Builder computeState(State<ExecutionStateType> v) {
      computeState = v;
      return this;
    }

    public Builder publishedResult(SpecConfig v) {
      publishedResult = v;
      return this;
    }

    public Builder runOutput(RunCommandResult v) {
      runOutput = v;
      return this;
    }

    public Builder previousExecution(String v) {
      previousExecution = v;
      return this;
    }

    public Builder nextExecution(String v) {
      nextExecution = v;
      return this;
    }

    public Builder followupEvalId(String v) {
      followupEvalId = v;
      return this;
    }

    public Builder partitionIndex(int v) {
      partitionIndex = v;
      return this;
    }

    public Builder revision(long v) {
      revision = v;
      return this;
    }

    public Builder createTime(long v) {
      createTime = v;
      return this;
    }

    public Builder modifyTime(long v) {
      modifyTime = v;
      return this;
    }

    public Execution build() {
      return new Execution(
          id,
          namespace,
          evalId,
          name,
          nodeId,
          jobId,
          job,
          jobVersion,
          allocatedResources,
          desiredState,
          computeState,
          publishedResult,
          runOutput,
          previousExecution,
          nextExecution,
          followupEvalId,
          partitionIndex,
          revision,
          createTime,
          modifyTime);
    }
  }
}
