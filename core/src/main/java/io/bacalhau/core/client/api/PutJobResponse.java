package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What a submission answers. */
public record PutJobResponse(
    @JsonProperty("JobID") String jobId,
    @JsonProperty("EvaluationID") String evaluationId,
    @JsonProperty("Warnings") List<String> warnings) {
  public PutJobResponse {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
