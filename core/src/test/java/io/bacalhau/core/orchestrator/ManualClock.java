package io.bacalhau.core.orchestrator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves: time-based decisions happen when the test says, not after a sleep. It has
 * a wall clock and a monotonic one ({@link #nanoTime}): time passing moves both, a step (as NTP
 * makes) moves only the wall clock.
 */
final class ManualClock extends Clock {
  private volatile Instant now;
  private volatile long nanoTime = 1_000_000_000L;

  ManualClock(Instant start) {
    this.now = start;
  }

  /** Time passes. */
  void advance(Duration d) {
    now = now.plus(d);
    nanoTime += d.toNanos();
  }

  /** The wall clock is set to another time; no time passes. */
  void step(Duration d) {
    now = now.plus(d);
  }

  long nanoTime() {
    return nanoTime;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
