package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a compute node can run and how much room it has. The capacities are numbers (cores, bytes,
 * GPUs). The lower-case {@code address} key and the {@code QueueCapacity} name of the queued work
 * are Bacalhau's spellings.
 *
 * @param gpuDiscovery ours, not Bacalhau's: what the node's GPU search found, "0 GPUs (no
 *     nvidia-smi, rocm-smi or xpu-smi on the PATH)" or "1 GPU: Tesla T4 (NVIDIA 0, 15360 MiB)", so
 *     that a node offering no GPU says why. An extra key of this object: Bacalhau's clients read
 *     NodeInfo with Go's JSON decoder, which skips keys it does not know, and it is left out when
 *     blank (a node that did not look).
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
    @JsonProperty("address") String address,
    @JsonProperty("GPUDiscovery") @JsonInclude(JsonInclude.Include.NON_EMPTY) String gpuDiscovery) {

  public static final ComputeNodeInfo NONE =
      new ComputeNodeInfo(List.of(), List.of(), List.of(), null, null, null, null, 0, 0, "");

  /** Bacalhau's fields only, with nothing said of GPUs. */
  public ComputeNodeInfo(
      List<String> executionEngines,
      List<String> publishers,
      List<String> storageSources,
      Resources maxCapacity,
      Resources queueUsedCapacity,
      Resources availableCapacity,
      Resources maxJobRequirements,
      int runningExecutions,
      int enqueuedExecutions,
      String address) {
    this(
        executionEngines,
        publishers,
        storageSources,
        maxCapacity,
        queueUsedCapacity,
        availableCapacity,
        maxJobRequirements,
        runningExecutions,
        enqueuedExecutions,
        address,
        "");
  }

  public ComputeNodeInfo {
    executionEngines = Immutables.list(executionEngines);
    publishers = Immutables.list(publishers);
    storageSources = Immutables.list(storageSources);
    maxCapacity = maxCapacity == null ? Resources.ZERO : maxCapacity;
    queueUsedCapacity = queueUsedCapacity == null ? Resources.ZERO : queueUsedCapacity;
    availableCapacity = availableCapacity == null ? Resources.ZERO : availableCapacity;
    maxJobRequirements = maxJobRequirements == null ? Resources.ZERO : maxJobRequirements;
    address = Immutables.string(address);
    gpuDiscovery = Immutables.string(gpuDiscovery);
  }

  public ComputeNodeInfo withGpuDiscovery(String summary) {
    return new ComputeNodeInfo(
        executionEngines,
        publishers,
        storageSources,
        maxCapacity,
        queueUsedCapacity,
        availableCapacity,
        maxJobRequirements,
        runningExecutions,
        enqueuedExecutions,
        address,
        summary);
  }

  /** The same node, reachable for its logs and results at {@code url}. */
  public ComputeNodeInfo withAddress(String url) {
    return new ComputeNodeInfo(
        executionEngines,
        publishers,
        storageSources,
        maxCapacity,
        queueUsedCapacity,
        availableCapacity,
        maxJobRequirements,
        runningExecutions,
        enqueuedExecutions,
        url,
        gpuDiscovery);
  }

  /** An idle node's view: all of its capacity available, any one job may take all of it. */
  public static ComputeNodeInfo idle(
      List<String> engines, List<String> publishers, List<String> sources, Resources max) {
    return new ComputeNodeInfo(engines, publishers, sources, max, null, max, max, 0, 0, "");
  }
}
