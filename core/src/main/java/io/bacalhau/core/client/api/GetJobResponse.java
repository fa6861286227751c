package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;

/**
 * {@code GET /api/v1/orchestrator/jobs/{id}}: History and Executions only when {@code include}
 * asked for them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GetJobResponse(
    @JsonProperty("Job") Job job,
    @JsonProperty("History") ListResponse<JobHistory> history,
    @JsonProperty("Executions") ListResponse<Execution> executions) {}
