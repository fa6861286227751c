package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** What a compute node advertises: its labels, the providers installed on it, and its capacity. */
public record NodeInfo(
    @JsonProperty("NodeID") String nodeId,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("ExecutionEngines") List<String> engines,
    @JsonProperty("Publishers") List<String> publishers,
    @JsonProperty("StorageSources") List<String> storageSources,
    @JsonProperty("MaxCapacity") Resources maxCapacity) {

  public NodeInfo {
    labels = Immutables.map(labels);
    engines = Immutables.list(engines);
    publishers = Immutables.list(publishers);
    storageSources = Immutables.list(storageSources);
  }
}
