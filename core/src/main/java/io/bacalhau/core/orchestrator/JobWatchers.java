package io.bacalhau.core.orchestrator;

import java.time.Duration;

/**
 * Wakes whoever waits for a job to change (a {@code job run --wait}, a log follower) as soon as
 * this process commits a change; changes made by other processes are seen at the next timeout.
 */
public final class JobWatchers {
  private final Object monitor = new Object();
  private long version;
  // What each waiting thread had seen when its last wait ended: a waiter reads the job between two
  // waits, and a change committed during that read must end its next wait at once, not after the
  // timeout (a job that completed then was seen a whole tick late).
  private final ThreadLocal<long[]> seenByThread = new ThreadLocal<>();

  public void signal() {
    synchronized (monitor) {
      version++;
      monitor.notifyAll();
    }
  }

  /**
   * Waits until something changed since this thread's previous wait ended (on its first wait: since
   * now), or the timeout, whichever comes first.
   */
  public void awaitChange(Duration timeout) throws InterruptedException {
    long[] seen = seenByThread.get();
    synchronized (monitor) {
      if (seen == null) {
        seen = new long[] {0};
        seenByThread.set(seen);
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      try {
        while (version == seen[0]) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return;
          }
          monitor.wait(Math.max(1, left / 1_000_000));
        }
      } finally {
        seen[0] = version;
      }
    }
  }
}
