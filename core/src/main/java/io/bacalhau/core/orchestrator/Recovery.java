package io.bacalhau.core.orchestrator;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.Times;
import io.bacalhau.core.protocol.ComputeRouter;
import io.bacalhau.core.store.Instances;
import io.bacalhau.core.store.JobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over jobs whose owning process is gone (it crashed, was killed, submitted without waiting,
 * or stopped making progress). Executions it had started on its own node are failed with "Failing
 * due to node restart", so the scheduler retries them by the usual policy and no job stays
 * unfinished for ever; messages it may not have delivered to remote compute nodes are sent again
 * ({@link Undelivered}).
 */
final class Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

  private Recovery() {}

  /** Whether some job has work but no live owner. */
  static boolean hasOrphans(JobStore store) {
    Set<String> live = store.instances().census(Instant.now()).live();
    return store.read(
        r -> r.jobsWithWork().stream().anyMatch(j -> !live.contains(r.owner(j.id()))));
  }

  /**
   * Adopts every orphaned active job; returns the evaluations to work on. Only executions on {@code
   * localNodeId} died with their owner: those on other (remote compute) nodes still run there and
   * report to whichever orchestrator process listens now, and what the dead process owed them is
   * sent to them again through {@code compute} once the adoption committed.
   */
  static List<Evaluation> adoptOrphans(
      JobStore store, String instanceId, String localNodeId, Instant now, ComputeRouter compute) {
    Instances.Census census = store.instances().census(now);
    Set<String> live = new HashSet<>(census.live());
    live.add(instanceId);
    List<Job> orphans =
        store.read(
            r -> r.jobsWithWork().stream().filter(j -> !live.contains(r.owner(j.id()))).toList());
    List<Evaluation> evaluations = new ArrayList<>();
    List<Undelivered> owed = new ArrayList<>();
    for (Job orphan : orphans) {
      store.writeVoid(
          tx -> {
            String previous = tx.owner(orphan.id());
            if (live.contains(previous)
                || !tx.transferOwnership(orphan.id(), previous, instanceId)) {
              return;
            }
            for (Execution e : tx.executions(orphan.id())) {
              if (!e.computeStateType().isTerminal()
                  && e.computeStateType().ordinal() > 1
                  && e.nodeId().equals(localNodeId)) {
                BacalhauException error =
                    BacalhauException.builder(
                            ErrorCode.INTERNAL_ERROR, "Failing due to node restart")
                        .component("Compute")
                        .failsExecution(true)
                        .retryable(true)
                        .build();
                ExecutionUpdates.failed(
                    tx, e.id(), error, RunCommandResult.failure(error.getMessage()), now);
              } else if (!e.nodeId().equals(localNodeId)) {
                Undelivered.of(tx, orphan, e).ifPresent(owed::add);
              }
            }
            long nanos = Times.nanos(now);
            Evaluation eval =
                Evaluation.pending(
                    orphan, Evaluation.TRIGGER_EXEC_FAILURE, "adopted", nanos, nanos);
            tx.putEvaluation(eval);
            evaluations.add(eval);
          });
    }
    if (compute != null && !owed.isEmpty()) {
      LOG.info(
          "sending again {} message(s) to compute nodes that the previous owner of {} adopted"
              + " job(s) may not have delivered",
          owed.size(),
          orphans.size());
      owed.forEach(u -> u.send(compute));
    }
    // A stuck owner that comes back finds its registration gone and learns it lost its jobs.
    store
        .instances()
        .forget(census.gone().stream().filter(g -> !g.id().equals(instanceId)).toList());
    evaluations.addAll(store.read(r -> r.pendingEvaluations(instanceId)));
    return evaluations;
  }
}
