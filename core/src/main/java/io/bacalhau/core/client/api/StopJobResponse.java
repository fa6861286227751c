package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code DELETE /api/v1/orchestrator/jobs/{id}}: "" when the job was already over. */
public record StopJobResponse(@JsonProperty("EvaluationID") String evaluationId) {}
