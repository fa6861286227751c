package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.Job;
import java.util.List;

/** Drops what a submission may not set and says so in warnings. */
public final class JobSanitizer {
  private JobSanitizer() {}

  /** A sanitized job and the warnings explaining what was dropped. */
  public record Sanitized(Job job, List<String> warnings) {}

  public static Sanitized sanitize(Job job) {
    return new Sanitized(job, List.of());
  }
}
