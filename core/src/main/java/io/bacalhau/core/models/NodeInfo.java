package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a node advertises, in Bacalhau's shape: identity, type, labels, the protocols it speaks, its
 * compute side ({@link ComputeNodeInfo}: providers and capacity) and its version.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NodeInfo(
    @JsonProperty("NodeID") String nodeId,
    @JsonProperty("NodeType") NodeType nodeType,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("SupportedProtocols") List<String> supportedProtocols,
    @JsonProperty("ComputeNodeInfo") ComputeNodeInfo computeNodeInfo,
    @JsonProperty("BacalhauVersion") BuildVersionInfo bacalhauVersion) {

  public static final NodeInfo NONE =
      new NodeInfo("", NodeType.COMPUTE, Map.of(), List.of(), null, null);

  public NodeInfo {
    nodeId = Immutables.string(nodeId);
    nodeType = nodeType == null ? NodeType.COMPUTE : nodeType;
    labels = Immutables.map(labels);
    supportedProtocols = Immutables.list(supportedProtocols);
    computeNodeInfo = computeNodeInfo == null ? ComputeNodeInfo.NONE : computeNodeInfo;
    bacalhauVersion = bacalhauVersion == null ? BuildVersionInfo.UNKNOWN : bacalhauVersion;
  }

  /** An idle compute node with these providers and this capacity, as the scheduler sees it. */
  public NodeInfo(
      String nodeId,
      Map<String, String> labels,
      List<String> engines,
      List<String> publishers,
      List<String> storageSources,
      Resources maxCapacity) {
    this(
        nodeId,
        NodeType.COMPUTE,
        labels,
        List.of(),
        ComputeNodeInfo.idle(engines, publishers, storageSources, maxCapacity),
        BuildVersionInfo.UNKNOWN);
  }

  @JsonIgnore
  public List<String> engines() {
    return computeNodeInfo.executionEngines();
  }

  @JsonIgnore
  public List<String> publishers() {
    return computeNodeInfo.publishers();
  }

  @JsonIgnore
  public List<String> storageSources() {
    return computeNodeInfo.storageSources();
  }

  @JsonIgnore
  public Resources maxCapacity() {
    return computeNodeInfo.maxCapacity();
  }
}
