package io.bacalhau.core.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A fault that recurs at every tick (a full disk under the orchestrator's once-a-second heartbeat).
 * Regression: each tick logged a warning with a stack trace for as long as the disk stayed full.
 */
class RepeatedFaultLogTest {
  private final Recorder log = new Recorder();
  private long nanos;
  private final RepeatedFaultLog faults =
      new RepeatedFaultLog(log, "the heartbeat", Duration.ofMinutes(5), () -> nanos);
  private final BacalhauException full =
      BacalhauException.builder(ErrorCode.IO_ERROR, "no space left on the disk of the job store")
          .hint("Free space on that disk")
          .build();

  @Test
  void aFaultAtEveryTickIsLoggedOnceWithItsStackTraceAndItsHint() {
    for (int tick = 0; tick < 60; tick++) {
      faults.failed(full);
      nanos += Duration.ofSeconds(1).toNanos();
    }
    assertEquals(1, log.lines.size(), log.lines.toString());
    Line first = log.lines.get(0);
    assertEquals(Level.WARN, first.level());
    assertTrue(
        first
            .text()
            .contains("no space left on the disk of the job store (Free space on that disk)"),
        first.text());
    assertNotNull(first.thrown());
  }

  @Test
  void aFaultThatLastsIsSaidAgainEveryFiveMinutesWithoutAStackTrace() {
    for (int tick = 0; tick <= 600; tick++) {
      faults.failed(full);
      nanos += Duration.ofSeconds(1).toNanos();
    }
    assertEquals(3, log.lines.size(), log.lines.toString());
    Line again = log.lines.get(1);
    assertTrue(again.text().contains("still fails (301 times in 300 s)"), again.text());
    assertNull(again.thrown());
  }

  @Test
  void aChangedFaultIsLoggedWithItsOwnStackTrace() {
    faults.failed(full);
    faults.failed(full);
    faults.failed(new IllegalStateException("database is locked"));
    assertEquals(2, log.lines.size(), log.lines.toString());
    assertTrue(log.lines.get(1).text().contains("now fails with: database is locked"));
    assertNotNull(log.lines.get(1).thrown());
  }

  @Test
  void theEndOfAFaultIsSaidOnceAndANewOneIsLoggedInFullAgain() {
    faults.failed(full);
    nanos += Duration.ofSeconds(42).toNanos();
    faults.failed(full);
    faults.cleared();
    faults.cleared();
    assertEquals(2, log.lines.size(), log.lines.toString());
    assertEquals(Level.INFO, log.lines.get(1).level());
    assertTrue(
        log.lines.get(1).text().contains("the heartbeat works again, after 2 failures in 42 s"),
        log.lines.get(1).text());
    faults.failed(full);
    assertEquals(3, log.lines.size());
    assertNotNull(log.lines.get(2).thrown());
  }

  @Test
  void workThatNeverFailedLogsNothing() {
    faults.cleared();
    assertEquals(List.of(), log.lines);
  }

  record Line(Level level, String text, Throwable thrown) {}

  /** An slf4j logger that keeps what it is given. */
  private static final class Recorder extends LegacyAbstractLogger {
    final List<Line> lines = new ArrayList<>();

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] args, Throwable thrown) {
      lines.add(new Line(level, MessageFormatter.basicArrayFormat(pattern, args), thrown));
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }
}
