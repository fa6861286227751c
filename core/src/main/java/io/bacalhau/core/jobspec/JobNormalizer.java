package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.Job;

/** Fills what a spec may leave out and tidies what it may spell loosely. */
public final class JobNormalizer {
  private JobNormalizer() {}

  public static Job normalize(Job job) {
    return job.namespace().isBlank()
        ? job.toBuilder().namespace(Job.DEFAULT_NAMESPACE).build()
        : job;
  }
}
