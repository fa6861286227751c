package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code PUT /api/v1/orchestrator/jobs/{id}/rerun}; version 0 means the latest. */
public record RerunJobRequest(
    @JsonProperty("JobVersion") long jobVersion, @JsonProperty("Reason") String reason) {}
