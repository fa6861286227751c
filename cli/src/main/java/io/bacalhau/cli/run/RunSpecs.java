package io.bacalhau.cli.run;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;

/** Builds the job a {@code docker run} or {@code wasm run} command line describes. */
public final class RunSpecs {
  private RunSpecs() {}

  public static Job job(JobFlags job, TaskFlags task, SpecConfig engine) {
    JobType type = job.jobType();
    Task t =
        Task.builder()
            .name(task.taskName())
            .engine(engine)
            .publisher(task.publisherSpec())
            .env(task.env())
            .inputSources(task.inputSources())
            .resultPaths(task.resultPaths())
            .resources(task.resources())
            .network(task.network())
            .timeouts(task.timeouts())
            .build();
    return Job.builder()
        .name(job.name())
        .namespace(job.namespace())
        .type(type)
        .priority(job.priority())
        .count(type.isPartitioned() ? job.count() : 0)
        .labels(job.labels())
        .constraints(job.constraints())
        .task(t)
        .build();
  }
}
