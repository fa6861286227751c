package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.Job;

/** {@code PUT /api/v1/orchestrator/jobs/diff}: the job is compared by its Name. */
public record DiffJobRequest(@JsonProperty("Job") Job job) {}
