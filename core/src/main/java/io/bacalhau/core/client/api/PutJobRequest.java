package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.Job;

/** {@code PUT|POST /api/v1/orchestrator/jobs}. */
public record PutJobRequest(@JsonProperty("Job") Job job, @JsonProperty("Force") boolean force) {}
