package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The diff of a spec against the stored job of its name ("" when the same). */
public record DiffJobResponse(
    @JsonProperty("Diff") String diff, @JsonProperty("Warnings") List<String> warnings) {
  public DiffJobResponse {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
