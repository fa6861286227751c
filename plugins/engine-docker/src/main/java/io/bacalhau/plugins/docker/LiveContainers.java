package io.bacalhau.plugins.docker;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers this engine has made and not yet removed, and the runs still under way. When the
 * node stops (SIGTERM), it interrupts the runs and then closes the engine without waiting for them:
 * the engine removes what they still hold itself, and waits a little for the runs to finish with
 * the daemon, before its client goes. Otherwise a run interrupted while killing its container lost
 * the client before the removal and left the container behind, exited.
 */
final class LiveContainers {
  private static final Logger LOG = LoggerFactory.getLogger(LiveContainers.class);
  private final Set<String> ids = ConcurrentHashMap.newKeySet();
  private int runs;
  private volatile boolean closing;

  void runStarted() {
    synchronized (this) {
      runs++;
    }
  }

  void runEnded() {
    synchronized (this) {
      runs--;
      notifyAll();
    }
  }

  /** Holds a new container; false once the engine is closing (the caller removes it at once). */
  boolean created(String id) {
    ids.add(id);
    if (closing) {
      ids.remove(id);
      return false;
    }
    return true;
  }

  void removed(String id) {
    ids.remove(id);
  }

  /**
   * Kills and removes every container still held, then waits up to {@code grace} for the runs to
   * end (they remove their own containers as they do). Never interrupted: the process is ending.
   */
  void removeAll(DockerApi api, Duration grace) {
    closing = true;
    for (String id : List.copyOf(ids)) {
      try {
        api.kill(id);
        api.remove(id);
        ids.remove(id);
        LOG.info("removed container {} of a run the node stopped", id);
      } catch (RuntimeException e) {
        LOG.warn("could not remove container {} as the node stopped: {}", id, e.toString());
      }
    }
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (this) {
      while (runs > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
