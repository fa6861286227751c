package io.bacalhau.core.compute;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Executions waiting for capacity: higher job priority first, first come first served within a
 * priority, but a smaller execution may go ahead when the head does not fit yet.
 */
final class ExecutorBuffer {
  /** One queued execution. */
  record Queued(Job job, Execution execution, RunningExecution handle, long order) {}

  private final Resources capacity;
  private final List<Queued> waiting = new ArrayList<>();
  private Resources inUse = Resources.ZERO;
  // Kept as a total: the orchestrator reads it for every job it places (ComputeNode.info).
  private Resources queued = Resources.ZERO;
  private long order;

  ExecutorBuffer(Resources capacity) {
    this.capacity = capacity;
  }

  synchronized void add(Job job, Execution execution, RunningExecution handle) {
    waiting.add(new Queued(job, execution, handle, order++));
    queued = queued.add(execution.allocatedResources().total());
    waiting.sort(
        Comparator.comparingInt((Queued q) -> -q.job().priority())
            .thenComparingLong(Queued::order));
  }

  /** Removes a queued execution that has not started; false if it is not waiting. */
  synchronized boolean remove(String executionId) {
    for (Queued q : waiting) {
      if (q.execution().id().equals(executionId)) {
        waiting.remove(q);
        queued = queued.subtract(q.execution().allocatedResources().total());
        return true;
      }
    }
    return false;
  }

  /** The next execution that fits now, with its resources counted as used. */
  synchronized Optional<Queued> next() {
    for (Queued q : waiting) {
      Resources after = inUse.add(q.execution().allocatedResources().total());
      if (after.fitsIn(capacity) || inUse.isZero()) {
        waiting.remove(q);
        queued = queued.subtract(q.execution().allocatedResources().total());
        inUse = after;
        return Optional.of(q);
      }
    }
    return Optional.empty();
  }

  synchronized void release(Execution execution) {
    inUse = inUse.subtract(execution.allocatedResources().total());
  }

  synchronized int size() {
    return waiting.size();
  }

  /** What runs now and what waits, for the node's advertised capacity. */
  synchronized Usage usage() {
    return new Usage(inUse, queued, waiting.size());
  }

  record Usage(Resources running, Resources queued, int waiting) {}
}
