package io.bacalhau.transport.nats.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand, so timeouts are tested without waiting for them: {@link #advance}
 * lets time pass (the wall clock and {@link #nanoTime} both move), {@link #step} sets the wall
 * clock alone, as NTP or an administrator does.
 */
public final class MutableClock extends Clock {
  private volatile Instant now;
  private volatile long nanos;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public void advance(Duration d) {
    now = now.plus(d);
    nanos += d.toNanos();
  }

  public void step(Duration d) {
    now = now.plus(d);
  }

  /** The monotonic clock, as {@link System#nanoTime}. */
  public long nanoTime() {
    return nanos;
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
