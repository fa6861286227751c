package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a compute node can run and how much room it has. The capacities are numbers (cores, bytes,
 * GPUs). The lower-case {@code address} key and the {@code QueueCapacity} name of the queued work
 * are Bacalhau's spellings.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ComputeNodeInfo(
    @JsonProperty("ExecutionEngines") List<String> executionEngines,
    @JsonProperty("Publishers") List<String> publishers,
    @JsonProperty("StorageSources") List<String> storageSources,
    @JsonProperty("MaxCapacity") Resources maxCapacity,
    @JsonProperty("QueueCapacity") Resources queueUsedCapacity,
    @JsonProperty("AvailableCapacity") Resources availableCapacity,
    @JsonProperty("MaxJobRequirements") Resources maxJobRequirements,
    @JsonProperty("RunningExecutions") int runningExecutions,
    @JsonProperty("EnqueuedExecutions") int enqueuedExecutions,
    @JsonProperty("address") String address) {

  public static final ComputeNodeInfo NONE =
      new ComputeNodeInfo(List.of(), List.of(), List.of(), null, null, null, null, 0, 0, "");

  public ComputeNodeInfo {
    executionEngines = Immutables.list(executionEngines);
    publishers = Immutables.list(publishers);
    storageSources = Immutables.list(storageSources);
    maxCapacity = maxCapacity == null ? Resources.ZERO : maxCapacity;
    queueUsedCapacity = queueUsedCapacity == null ? Resources.ZERO : queueUsedCapacity;
    availableCapacity = availableCapacity == null ? Resources.ZERO : availableCapacity;
    maxJobRequirements = maxJobRequirements == null ? Resources.ZERO : maxJobRequirements;
    address = Immutables.string(address);
  }

  /** An idle node's view: all of its capacity available, any one job may take all of it. */
  public static ComputeNodeInfo idle(
      List<String> engines, List<String> publishers, List<String> sources, Resources max) {
    return new ComputeNodeInfo(engines, publishers, sources, max, null, max, max, 0, 0, "");
  }
}
