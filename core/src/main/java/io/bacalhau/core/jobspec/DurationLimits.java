package io.bacalhau.core.jobspec;

import io.bacalhau.core.models.TimeoutConfig;
import io.bacalhau.core.models.Times;
import java.util.List;

/**
 * The upper bound of every duration a spec holds. Bacalhau has none, and a timeout near 2^63 ns
 * overflowed the scheduler's arithmetic (a job that never ran, or "long overflow"); so a spec may
 * ask for at most {@link Times#MAX_DURATION}, which is documented in the README.
 */
final class DurationLimits {
  static final long MAX_SECONDS = Times.MAX_DURATION.toSeconds();

  private DurationLimits() {}

  static void validate(TimeoutConfig t, String path, List<SpecProblem> problems) {
    seconds(t.executionTimeout(), path + ".ExecutionTimeout", problems);
    seconds(t.queueTimeout(), path + ".QueueTimeout", problems);
    seconds(t.totalTimeout(), path + ".TotalTimeout", problems);
  }

  /** Whether every timeout is within bounds, so sums of them cannot overflow. */
  static boolean within(TimeoutConfig t) {
    return t.executionTimeout() <= MAX_SECONDS
        && t.queueTimeout() <= MAX_SECONDS
        && t.totalTimeout() <= MAX_SECONDS;
  }

  private static void seconds(long value, String path, List<SpecProblem> problems) {
    if (value > MAX_SECONDS) {
      problems.add(
          new SpecProblem(
              path,
              "timeout of "
                  + value
                  + "s is longer than the maximum of "
                  + MAX_SECONDS
                  + "s (100 years)"));
    }
  }
}
