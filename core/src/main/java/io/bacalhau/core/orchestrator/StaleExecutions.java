package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Execution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Executions a compute node may still run although the orchestrator ended them: those failed when
 * their node disappeared (cancelled when it comes back, as Bacalhau does), and those a node reports
 * on after they ended here (cancelled once the report is recorded).
 */
final class StaleExecutions {
  private final Map<String, Set<String>> disappeared = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Execution> reported = new ConcurrentLinkedQueue<>();

  void disappeared(String nodeId, List<String> executionIds) {
    if (!executionIds.isEmpty()) {
      disappeared.computeIfAbsent(nodeId, k -> ConcurrentHashMap.newKeySet()).addAll(executionIds);
    }
  }

  /** The executions to cancel on a node that is back. */
  Set<String> rejoined(String nodeId) {
    Set<String> ids = disappeared.remove(nodeId);
    return ids == null ? Set.of() : ids;
  }

  void reported(Execution execution) {
    reported.add(execution);
  }

  List<Execution> drainReported() {
    if (reported.isEmpty()) {
      return List.of();
    }
    List<Execution> all = new ArrayList<>();
    for (Execution e; (e = reported.poll()) != null; ) {
      all.add(e);
    }
    return all;
  }
}
