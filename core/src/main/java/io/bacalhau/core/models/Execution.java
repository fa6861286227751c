package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One attempt to run one partition of a job version on one node. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Execution(
    @JsonProperty("ID") String id,
    @JsonProperty("Namespace") String namespace,
    @JsonProperty("EvalID") String evalId,
    @JsonProperty("Name") String name,
    @JsonProperty("NodeID") String nodeId,
    @JsonProperty("JobID") String jobId,
    @JsonProperty("JobVersion") long jobVersion,
    @JsonProperty("AllocatedResources") Resources allocatedResources,
    @JsonProperty("DesiredState") State<ExecutionDesiredStateType> desiredState,
    @JsonProperty("ComputeState") State<ExecutionStateType> computeState,
    @JsonProperty("PublishedResult") SpecConfig publishedResult,
    @JsonProperty("RunOutput") RunCommandResult runOutput,
    @JsonProperty("PreviousExecution") String previousExecution,
    @JsonProperty("NextExecution") String nextExecution,
    @JsonProperty("FollowupEvalID") String followupEvalId,
    @JsonProperty("PartitionIndex") int partitionIndex,
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
    allocatedResources = allocatedResources == null ? Resources.ZERO : allocatedResources;
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

  public Execution withComputeState(State<ExecutionStateType> state) {
    return new Execution(
        id,
        namespace,
        evalId,
        name,
        nodeId,
        jobId,
        jobVersion,
        allocatedResources,
        desiredState,
        state,
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

  public Execution withDesiredState(State<ExecutionDesiredStateType> state) {
    return new Execution(
        id,
        namespace,
        evalId,
        name,
        nodeId,
        jobId,
        jobVersion,
        allocatedResources,
        state,
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

  public Execution withResult(SpecConfig published, RunCommandResult output) {
    return new Execution(
        id,
        namespace,
        evalId,
        name,
        nodeId,
        jobId,
        jobVersion,
        allocatedResources,
        desiredState,
        computeState,
        published,
        output,
        previousExecution,
        nextExecution,
        followupEvalId,
        partitionIndex,
        revision,
        createTime,
        modifyTime);
  }

  /** A copy stamped with a new revision and modify time, as every stored change is. */
  public Execution touched(long revisionNumber, long nanos) {
    return new Execution(
        id,
        namespace,
        evalId,
        name,
        nodeId,
        jobId,
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
        revisionNumber,
        createTime,
        nanos);
  }
}
