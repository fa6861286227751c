package io.bacalhau.core.orchestrator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes whoever waits for a job to change (a {@code job run --wait}, a log follower) as soon as
 * this process commits a change; changes made by other processes are seen at the next timeout.
 *
 * <p>A waiter for one job is woken only by changes to that job: with many jobs in flight, waking
 * every waiter at every commit had each of them read its job again for nothing (the benchmark's
 * waiters were a quarter of the node's CPU time).
 */
public final class JobWatchers {
  // Jobs changed lately, each with the version of its last change; older ones are forgotten, and
  // a waiter that saw less than the newest forgotten version is woken as if its job had changed.
  private static final int RECENT = 16_384;
  private final Object monitor = new Object();
  private long version; // guarded by monitor
  private long forgotten; // guarded by monitor
  private final Map<String, Long> recent =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          if (size() <= RECENT) {
            return false;
          }
          forgotten = Math.max(forgotten, eldest.getValue());
          return true;
        }
      };
  private final Map<String, List<Thread>> waiting = new HashMap<>(); // guarded by monitor
  // What each waiting thread had seen when its last wait ended: a waiter reads the job between two
  // waits, and a change committed during that read must end its next wait at once, not after the
  // timeout (a job that completed then was seen a whole tick late).
  private final ThreadLocal<long[]> seenByThread = new ThreadLocal<>();

  /** Anything may have changed: every waiter is woken. */
  public void signal() {
    List<Thread> wake = new ArrayList<>();
    synchronized (monitor) {
      version++;
      forgotten = version;
      waiting.values().forEach(wake::addAll);
      monitor.notifyAll();
    }
    wake.forEach(LockSupport::unpark);
  }

  /** These jobs changed: their waiters and those waiting for any change are woken. */
  public void signal(Collection<String> jobIds) {
    List<Thread> wake = new ArrayList<>();
    synchronized (monitor) {
      version++;
      for (String id : jobIds) {
        recent.remove(id); // re-inserted last, so the eldest entry is the oldest change
        recent.put(id, version);
        List<Thread> threads = waiting.get(id);
        if (threads != null) {
          wake.addAll(threads);
        }
      }
      monitor.notifyAll();
    }
    wake.forEach(LockSupport::unpark);
  }

  /**
   * Waits until something changed since this thread's previous wait ended (on its first wait: since
   * now), or the timeout, whichever comes first.
   */
  public void awaitChange(Duration timeout) throws InterruptedException {
    long[] seen = seen();
    synchronized (monitor) {
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

  /**
   * Waits until job {@code jobId} changed since this thread's previous wait ended, or the timeout,
   * whichever comes first.
   */
  public void awaitChange(String jobId, Duration timeout) throws InterruptedException {
    long[] seen = seen();
    long deadline = System.nanoTime() + timeout.toNanos();
    Thread me = Thread.currentThread();
    synchronized (monitor) {
      waiting.computeIfAbsent(jobId, k -> new ArrayList<>(1)).add(me);
    }
    try {
      while (true) {
        synchronized (monitor) {
          if (forgotten > seen[0] || recent.getOrDefault(jobId, 0L) > seen[0]) {
            return;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        LockSupport.parkNanos(this, left);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    } finally {
      synchronized (monitor) {
        List<Thread> threads = waiting.get(jobId);
        threads.remove(me);
        if (threads.isEmpty()) {
          waiting.remove(jobId);
        }
        seen[0] = version;
      }
    }
  }

  private long[] seen() {
    long[] seen = seenByThread.get();
    if (seen == null) {
      seen = new long[] {0};
      seenByThread.set(seen);
    }
    return seen;
  }
}
