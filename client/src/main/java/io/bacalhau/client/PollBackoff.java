package io.bacalhau.client;

import java.time.Duration;

/**
 * How long a client waits between two looks at a job on a node that does not push changes: briefly
 * at first (a small job is over in tens of milliseconds, and a fixed quarter second made every
 * short `job run` wait for it), then doubling up to the steady poll, so a long job costs no more
 * requests than before. Looking at another job starts again from the first wait.
 */
final class PollBackoff {
  static final Duration FIRST = Duration.ofMillis(10);

  private final Duration steady;
  private String jobId = "";
  private Duration next = FIRST;

  PollBackoff(Duration steady) {
    this.steady = steady;
  }

  /** The wait before the next look at {@code jobId}, at most {@code limit}. */
  synchronized Duration next(String jobId, Duration limit) {
    if (!this.jobId.equals(jobId)) {
      this.jobId = jobId;
      next = FIRST;
    }
    Duration wait = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(steady) > 0 ? steady : doubled;
    return wait.compareTo(limit) > 0 ? limit : wait;
  }
}
