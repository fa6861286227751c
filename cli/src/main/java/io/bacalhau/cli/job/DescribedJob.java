package io.bacalhau.cli.job;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.cli.render.Page;
import io.bacalhau.core.client.JobDetails;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;

/**
 * {@code job describe --output json|yaml}: what {@code GET
 * /api/v1/orchestrator/jobs/{id}?include=history,executions} returns, as Bacalhau's CLI prints it.
 */
record DescribedJob(
    @JsonProperty("Job") Job job,
    @JsonProperty("History") Page<JobHistory> history,
    @JsonProperty("Executions") Page<Execution> executions) {

  static DescribedJob of(JobDetails details) {
    return new DescribedJob(
        details.job(), Page.of(details.history()), Page.of(details.executions()));
  }
}
