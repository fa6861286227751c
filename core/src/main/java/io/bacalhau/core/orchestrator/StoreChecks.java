package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.protocol.ComputeRouter;
import io.bacalhau.core.store.JobStore;
import java.time.Clock;
import java.util.List;

/**
 * What the orchestrator's worker looks for in the store between work items, each at its own pace:
 * evaluations other processes wrote for jobs this one owns (a {@code job stop} from a CLI), and the
 * ownership tick, which keeps this process alive in the store and adopts the jobs of dead ones.
 * Both run on the worker thread, so they are measured on the monotonic clock.
 */
final class StoreChecks {
  private final JobStore store;
  private final String instanceId;
  private final Clock clock;
  private final OwnershipKeeper ownership;
  private final WorkQueue work;
  private final JobWatchers watchers;
  private final long pollNanos;
  private long lastPoll;
  private long lastTick;

  StoreChecks(
      JobStore store,
      String instanceId,
      Clock clock,
      OwnershipKeeper ownership,
      WorkQueue work,
      JobWatchers watchers,
      long pollMillis) {
    this.store = store;
    this.instanceId = instanceId;
    this.clock = clock;
    this.ownership = ownership;
    this.work = work;
    this.watchers = watchers;
    this.pollNanos = pollMillis * 1_000_000;
    this.lastPoll = System.nanoTime() - pollNanos - 1;
    this.lastTick = System.nanoTime() - OwnershipKeeper.TICK.toNanos() - 1;
  }

  /** Runs the checks that are due; adopted work is sent on through {@code compute}. */
  void runDue(ComputeRouter compute) {
    if (System.nanoTime() - lastPoll > pollNanos) {
      lastPoll = System.nanoTime();
      store
          .read(r -> r.pendingEvaluations(instanceId))
          .forEach(e -> work.schedule(e.id(), e.waitUntil()));
    }
    if (System.nanoTime() - lastTick > OwnershipKeeper.TICK.toNanos()) {
      lastTick = System.nanoTime();
      List<Evaluation> adopted = ownership.tick(clock.instant(), compute);
      adopted.forEach(e -> work.schedule(e.id(), e.waitUntil()));
      if (!adopted.isEmpty()) {
        watchers.signal();
      }
    }
  }
}
