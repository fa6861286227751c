package io.bacalhau.core.models;

import java.time.Duration;
import java.time.Instant;

/**
 * Conversions for the Unix-nanosecond timestamps of jobs and executions. The arithmetic saturates
 * at {@link Long#MAX_VALUE}/{@link Long#MIN_VALUE} instead of wrapping or throwing: a deadline
 * derived from a huge timeout (a job stored before durations were bounded) then lies in the far
 * future, where it belongs, rather than in the past or in an {@link ArithmeticException}.
 */
public final class Times {
  /**
   * The longest duration a spec or a config key may hold: 100 years. Far beyond any real job, and
   * small enough that now plus it plus any grace period stays inside a nanosecond timestamp.
   */
  public static final Duration MAX_DURATION = Duration.ofDays(36_525);

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Times() {}

  public static long nanos(Instant instant) {
    return plus(secondsAsNanos(instant.getEpochSecond()), instant.getNano());
  }

  public static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }

  /** {@code seconds} in nanoseconds, saturated. */
  public static long secondsAsNanos(long seconds) {
    long high = Math.multiplyHigh(seconds, NANOS_PER_SECOND);
    long low = seconds * NANOS_PER_SECOND;
    if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
      return low;
    }
    return seconds < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  /** {@code a + b}, saturated. */
  public static long plus(long a, long b) {
    long sum = a + b;
    // Overflow only when both operands share a sign the sum does not.
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }

  /** {@code a - b}, saturated. */
  public static long minus(long a, long b) {
    long difference = a - b;
    if (((a ^ b) & (a ^ difference)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return difference;
  }

  /** A timestamp {@code seconds} after {@code nanos}, saturated. */
  public static long plusSeconds(long nanos, long seconds) {
    return plus(nanos, secondsAsNanos(seconds));
  }

  /** A duration's nanoseconds, saturated ({@link Duration#toNanos} throws past ~292 years). */
  public static long nanos(Duration d) {
    return plus(secondsAsNanos(d.getSeconds()), d.getNano());
  }

  /** A duration's milliseconds, saturated ({@link Duration#toMillis} throws past ~292 My). */
  public static long millis(Duration d) {
    return d.compareTo(Duration.ofMillis(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toMillis();
  }
}
