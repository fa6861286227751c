package io.bacalhau.core.orchestrator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a compute report's sender when it may forget the report: a barrier runs once every report
 * queued before it has committed. A report whose commit failed and waits for a retry holds back the
 * barriers behind it, so a node's acknowledgement never covers a report that could still be lost.
 */
final class CommitBarriers {
  private static final Logger LOG = LoggerFactory.getLogger(CommitBarriers.class);

  private record Barrier(long upTo, Runnable action) {}

  private final TreeSet<Long> uncommitted = new TreeSet<>();
  private final ArrayDeque<Barrier> barriers = new ArrayDeque<>();
  private long lastOpened;

  /** A report was queued; returns its number, to be {@link #closed} once committed. */
  synchronized long opened() {
    uncommitted.add(++lastOpened);
    return lastOpened;
  }

  /** The report committed (or was given up for good); runs the barriers it held back. */
  void closed(long id) {
    List<Runnable> due = new ArrayList<>();
    synchronized (this) {
      uncommitted.remove(id);
      while (!barriers.isEmpty()
          && (uncommitted.isEmpty() || uncommitted.first() > barriers.peek().upTo())) {
        due.add(barriers.poll().action());
      }
    }
    due.forEach(CommitBarriers::run);
  }

  private static void run(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.warn("a commit barrier failed", e);
    }
  }

  /** Runs {@code action} once every report queued so far has committed: now, if they all have. */
  void after(Runnable action) {
    synchronized (this) {
      if (!uncommitted.isEmpty()) {
        barriers.add(new Barrier(lastOpened, action));
        return;
      }
    }
    action.run();
  }
}
