package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Data a task reads, mounted at Target. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
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
