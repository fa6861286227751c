package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A folder the task writes that becomes part of its published results under Name. */
public record ResultPath(@JsonProperty("Name") String name, @JsonProperty("Path") String path) {
  public ResultPath {
    name = Immutables.string(name);
    path = Immutables.string(path);
  }
}
