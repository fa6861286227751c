package io.bacalhau.core.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import java.util.List;

/** A job with its executions and history, as {@code job describe} shows it. */
public record JobDetails(
    @JsonProperty("Job") Job job,
    @JsonProperty("Executions") List<Execution> executions,
    @JsonProperty("History") List<JobHistory> history) {}
