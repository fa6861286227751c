package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Data a task reads, mounted at Target. All three keys are written, Alias even when empty. */
public record InputSource(
    @JsonProperty("Source") SpecConfig source,
    @JsonProperty("Alias") String alias,
    @JsonProperty("Target") String target) {

  public InputSource {
    source = source == null ? SpecConfig.EMPTY : source;
    alias = Immutables.string(alias);
    target = Immutables.string(target);
  }
}
