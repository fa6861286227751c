package io.bacalhau.core.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What a submission returns: the job, its evaluation, and warnings about the spec. The version is 0
 * when the node did not say which it made (Bacalhau's API answers leave it out).
 */
public record SubmitResult(
    @JsonProperty("JobID") String jobId,
    @JsonProperty("EvaluationID") String evaluationId,
    @JsonProperty("JobVersion") long jobVersion,
    @JsonProperty("Warnings") List<String> warnings) {

  public SubmitResult {
    warnings = List.copyOf(warnings);
  }
}
