package io.bacalhau.core.compute;

import io.bacalhau.core.models.Times;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A started execution: its thread, and why it was asked to stop (a user, or its timeout). */
final class RunningExecution {
  /** Why a run was interrupted; {@code timeout} is set when the execution timeout ran out. */
  record StopReason(String message, Duration timeout) {}

  private final ScheduledExecutorService timer;
  private volatile Thread thread;
  private volatile StopReason stopReason;
  private ScheduledFuture<?> timeoutTask;

  RunningExecution(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  void attach(Thread t) {
    thread = t;
    if (stopReason != null) {
      t.interrupt();
    }
  }

  StopReason stopReason() {
    return stopReason;
  }

  void stop(StopReason reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  synchronized void armTimeout(Duration timeout) {
    if (!timeout.isZero() && !timeout.isNegative()) {
      timeoutTask =
          timer.schedule(
              () -> stop(new StopReason("timed out", timeout)),
              Times.millis(timeout),
              TimeUnit.MILLISECONDS);
    }
  }

  synchronized void disarmTimeout() {
    if (timeoutTask != null) {
      timeoutTask.cancel(false);
      timeoutTask = null;
    }
  }
}
