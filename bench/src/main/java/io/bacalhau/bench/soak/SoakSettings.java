package io.bacalhau.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What one soak run does: {@code clients} API clients for {@code duration} against a node served
 * from the distribution in {@code dist}, each pausing {@code thinkTime} between operations and
 * doing at most {@code maxOpsPerClient} of them, so a run is bounded in count as well as time.
 * {@code wasmModule}, when present, is submitted inline as some of the jobs.
 */
public record SoakSettings(
    Path dist,
    int clients,
    Duration duration,
    Duration thinkTime,
    int maxOpsPerClient,
    Duration sampleEvery,
    Optional<Path> wasmModule) {

  public SoakSettings {
    if (clients < 1 || clients > 1024) {
      throw new IllegalArgumentException("clients must be 1..1024, was " + clients);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive, was " + duration);
    }
  }

  /** How long the drain at the end may take before a job still open counts as stuck. */
  Duration drainTimeout() {
    return Duration.ofMinutes(3);
  }

  /** How long threads and descriptors get to return to their baseline once the load has ended. */
  Duration settle() {
    return Duration.ofSeconds(20);
  }
}
