package io.bacalhau.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Deadlines from huge timeouts lie in the far future instead of wrapping into the past. */
class TimesTest {
  @Test
  void arithmeticSaturatesInsteadOfWrapping() {
    long now = Times.nanos(Instant.now());
    assertEquals(Long.MAX_VALUE, Times.plusSeconds(now, 9_223_372_036L));
    assertEquals(Long.MAX_VALUE, Times.plusSeconds(now, Long.MAX_VALUE));
    assertEquals(Long.MIN_VALUE, Times.secondsAsNanos(Long.MIN_VALUE));
    assertEquals(Long.MAX_VALUE, Times.plus(Long.MAX_VALUE, 1));
    assertEquals(Long.MIN_VALUE, Times.minus(Long.MIN_VALUE, 1));
    assertEquals(Long.MAX_VALUE, Times.minus(Long.MAX_VALUE - 5, -10));
    assertEquals(Long.MAX_VALUE, Times.millis(Duration.ofSeconds(Long.MAX_VALUE)));
    assertEquals(Long.MAX_VALUE, Times.nanos(Duration.ofDays(1_000_000)));
  }

  @Test
  void inRangeValuesAreExact() {
    Instant t = Instant.parse("2025-06-01T12:00:00.123456789Z");
    assertEquals(t, Times.instant(Times.nanos(t)));
    assertEquals(3_000_000_000L, Times.secondsAsNanos(3));
    assertEquals(-3_000_000_000L, Times.secondsAsNanos(-3));
    assertEquals(1500, Times.millis(Duration.ofMillis(1500)));
    assertEquals(7, Times.minus(10, 3));
  }
}
