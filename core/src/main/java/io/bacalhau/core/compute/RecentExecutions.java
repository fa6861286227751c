package io.bacalhau.core.compute;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The executions a compute node was last told about, in one role (asked for a bid, or accepted): an
 * orchestrator that restarted sends again what it cannot know was delivered, and a message about an
 * execution this node already took must have no second effect (a second bid, a second run).
 * Bounded: the oldest are forgotten first, long after any resend could come.
 */
final class RecentExecutions {
  private static final int LIMIT = 50_000;

  private final Map<String, Boolean> ids =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > LIMIT;
        }
      };

  /** True the first time {@code executionId} is seen; false for a repeat. */
  synchronized boolean firstTime(String executionId) {
    return ids.putIfAbsent(executionId, Boolean.TRUE) == null;
  }
}
