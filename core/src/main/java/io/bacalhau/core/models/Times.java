package io.bacalhau.core.models;

import java.time.Instant;

/** Conversions for the Unix-nanosecond timestamps of jobs and executions. */
public final class Times {
  private Times() {}

  public static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  public static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
