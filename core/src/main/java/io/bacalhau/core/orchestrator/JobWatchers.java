package io.bacalhau.core.orchestrator;

import java.time.Duration;

/**
 * Wakes whoever waits for a job to change (a {@code job run --wait}, a log follower) as soon as
 * this process commits a change; changes made by other processes are seen at the next timeout.
 */
public final class JobWatchers {
  private final Object monitor = new Object();
  private long version;

  public void signal() {
    synchronized (monitor) {
      version++;
      monitor.notifyAll();
    }
  }

  /** Waits until the next change or the timeout, whichever comes first. */
  public void awaitChange(Duration timeout) throws InterruptedException {
    synchronized (monitor) {
      long seen = version;
      long deadline = System.nanoTime() + timeout.toNanos();
      while (version == seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        monitor.wait(Math.max(1, left / 1_000_000));
      }
    }
  }
}
