package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What a rerun answers. */
public record RerunJobResponse(
    @JsonProperty("EvaluationID") String evaluationId,
    @JsonProperty("JobID") String jobId,
    @JsonProperty("JobVersion") long jobVersion,
    @JsonProperty("Warnings") List<String> warnings) {
  public RerunJobResponse {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
