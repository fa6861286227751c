package io.bacalhau.core.orchestrator;

import io.bacalhau.core.errors.RepeatedFaultLog;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.protocol.ComputeRouter;
import io.bacalhau.core.store.Instances;
import io.bacalhau.core.store.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Keeps ownership of jobs honest while the orchestrator works, one tick a second on its thread:
 *
 * <ul>
 *   <li>beats, so other processes can tell this one makes progress (an owner that stops beating
 *       loses its jobs after {@link Instances#STALE_AFTER});
 *   <li>adopts jobs whose owner died or got stuck since this process started, not only at start: a
 *       job must not wait for ever because the only running process came up before its owner died;
 *   <li>stops local runs of jobs that another process now owns (it adopted them from this one, or a
 *       rerun moved them), so a job never runs twice at once.
 * </ul>
 */
final class OwnershipKeeper {
  static final Duration TICK = Duration.ofSeconds(1);
  private static final Duration ADOPT_EVERY = Duration.ofSeconds(2);

  private final JobStore store;
  private final String instanceId;
  private final String localNodeId;
  private volatile Supplier<Set<String>> localExecutions = Set::of;
  private Instant lastAdoption = Instant.EPOCH;
  private final RepeatedFaultLog faults =
      new RepeatedFaultLog(
          LoggerFactory.getLogger(OwnershipKeeper.class),
          "the orchestrator's tick (its heartbeat in the job store, adopting orphaned jobs)");

  OwnershipKeeper(JobStore store, String instanceId, String localNodeId) {
    this.store = store;
    this.instanceId = instanceId;
    this.localNodeId = localNodeId;
  }

  /** Where this process runs executions, so runs of jobs it lost can be stopped. */
  void watch(Supplier<Set<String>> localExecutions) {
    this.localExecutions = localExecutions;
  }

  /** Evaluations of jobs adopted at start: every job whose owner is gone. */
  List<Evaluation> adoptAtStart(Instant now, ComputeRouter compute) {
    lastAdoption = now;
    return Recovery.adoptOrphans(store, instanceId, localNodeId, now, compute);
  }

  /**
   * One tick; returns the evaluations of jobs it adopted, to be scheduled. A failure (a full disk
   * fails every tick until space is freed) is logged once, not every second, and ends the tick.
   */
  List<Evaluation> tick(Instant now, ComputeRouter compute) {
    try {
      List<Evaluation> adopted = beatAndAdopt(now, compute);
      faults.cleared();
      return adopted;
    } catch (RuntimeException e) {
      faults.failed(e);
      return List.of();
    }
  }

  private List<Evaluation> beatAndAdopt(Instant now, ComputeRouter compute) {
    if (!store.instances().heartbeat(instanceId, now)) {
      // Another process found this one stuck and took its jobs: come back as live for new work.
      store.instances().register(instanceId, now);
    }
    if (compute != null) {
      stopRunsOfLostJobs(compute);
    }
    if (Duration.between(lastAdoption, now).compareTo(ADOPT_EVERY) < 0) {
      return List.of();
    }
    lastAdoption = now;
    return Recovery.adoptOrphans(store, instanceId, localNodeId, now, compute);
  }

  private void stopRunsOfLostJobs(ComputeRouter compute) {
    Set<String> running = localExecutions.get();
    if (running.isEmpty()) {
      return;
    }
    List<Execution> lost =
        store.read(
            r ->
                running.stream()
                    .map(r::execution)
                    .flatMap(Optional::stream)
                    .filter(e -> !instanceId.equals(r.owner(e.jobId())))
                    .toList());
    for (Execution e : lost) {
      compute
          .channel(e.nodeId())
          .ifPresent(c -> c.cancel(e.id(), "another process took over the job"));
    }
  }
}
