package io.bacalhau.core.errors;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a fault that recurs at every try, such as a full disk failing each store write until space
 * is freed: the first failure with its stack trace, then a line only when its message changes (with
 * the new stack trace) or once every {@code every} while it lasts, and a line when it clears. A
 * node that retries once a second would otherwise write a stack trace a second for as long as the
 * fault lasts. Thread-safe.
 */
public final class RepeatedFaultLog {
  private final Logger log;
  private final String what;
  private final Duration every;
  private final LongSupplier nanoTime;
  private String message; // the fault's message; null while there is none
  private long since;
  private long lastLogged;
  private long failures;

  /**
   * @param what what failed, as the start of a sentence ("the orchestrator's heartbeat")
   * @param every how often a fault that lasts is said again
   * @param nanoTime the monotonic clock ({@link System#nanoTime})
   */
  public RepeatedFaultLog(Logger log, String what, Duration every, LongSupplier nanoTime) {
    this.log = log;
    this.what = what;
    this.every = every;
    this.nanoTime = nanoTime;
  }

  public RepeatedFaultLog(Logger log, String what) {
    this(log, what, Duration.ofMinutes(5), System::nanoTime);
  }

  /** Another failure of the same work. */
  public synchronized void failed(Throwable e) {
    long now = nanoTime.getAsLong();
    String text = describe(e);
    failures++;
    if (message == null) {
      since = now;
      failures = 1;
      log.warn("{} failed: {}; it is tried again until it works", what, text, e);
    } else if (!text.equals(message)) {
      log.warn("{} now fails with: {}", what, text, e);
    } else if (now - lastLogged >= every.toNanos()) {
      log.warn(
          "{} still fails ({} times in {} s): {}",
          what,
          failures,
          (now - since) / 1_000_000_000L,
          text);
    } else {
      return;
    }
    message = text;
    lastLogged = now;
  }

  /** The work succeeded: a fault that was logged is said to be over. */
  public synchronized void cleared() {
    if (message == null) {
      return;
    }
    log.info(
        "{} works again, after {} failures in {} s",
        what,
        failures,
        (nanoTime.getAsLong() - since) / 1_000_000_000L);
    message = null;
  }

  private static String describe(Throwable e) {
    String text = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    if (e instanceof BacalhauException b && b.hint() != null && !b.hint().isBlank()) {
      text += " (" + b.hint() + ")";
    }
    return text;
  }
}
