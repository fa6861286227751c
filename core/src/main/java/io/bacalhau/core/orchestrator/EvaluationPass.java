package io.bacalhau.core.orchestrator;

import io.bacalhau.core.analytics.Analytics;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.Times;
import io.bacalhau.core.store.StoreTx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduler pass over an evaluation, inside the caller's transaction: the job's plan is made
 * against the nodes as this process counts their load, applied to the store, and its placements
 * counted before the commit.
 */
final class EvaluationPass {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluationPass.class);

  private final String instanceId;
  private final Clock clock;
  private final Scheduler scheduler;
  private final JobAges ages;
  private final NodeLoad load;
  private final Supplier<List<NodeInfo>> nodes;
  private final Supplier<Analytics> analytics;

  EvaluationPass(
      String instanceId,
      Clock clock,
      Scheduler scheduler,
      JobAges ages,
      NodeLoad load,
      Supplier<List<NodeInfo>> nodes,
      Supplier<Analytics> analytics) {
    this.instanceId = instanceId;
    this.clock = clock;
    this.scheduler = scheduler;
    this.ages = ages;
    this.load = load;
    this.nodes = nodes;
    this.analytics = analytics;
  }

  /**
   * Processes the evaluation a report from compute asked for in the report's own transaction, as if
   * it were next in line: a job's step then costs one batch, not two, and the evaluation is not
   * read back. Should the pass fail, what it wrote is undone and the evaluation, still pending, is
   * processed on its own after the commit, as before.
   */
  void evaluateNow(StoreTx tx, Evaluation eval, List<PlanApplier.Dispatch> dispatches) {
    if (eval.waitUntil() > Times.nanos(clock.instant())) {
      dispatches.add(PlanApplier.Dispatch.evaluateLater(eval));
      return;
    }
    try {
      PlanApplier.Dispatch d = tx.undoneOnFailure(() -> process(tx, eval));
      if (d != null) {
        dispatches.add(d);
      }
    } catch (RuntimeException e) {
      LOG.warn("evaluation {} failed; it will be processed again", eval.id(), e);
      dispatches.add(PlanApplier.Dispatch.evaluateLater(eval));
    }
  }

  PlanApplier.Dispatch process(StoreTx tx, String evaluationId) {
    Evaluation eval = tx.evaluation(evaluationId).orElse(null);
    return eval == null ? null : process(tx, eval);
  }

  PlanApplier.Dispatch process(StoreTx tx, Evaluation eval) {
    if (eval.isTerminal()) {
      return null;
    }
    if (!instanceId.equals(tx.owner(eval.jobId()))) {
      ages.forget(eval.jobId());
      return null; // another process took the job over; the evaluation is its to process
    }
    Job job = tx.requireJob(eval.jobId());
    List<Execution> executions = tx.executions(job.id());
    long versionStart =
        job.version() > 1 ? tx.versionSubmitted(job.id(), job.version()) : job.createTime();
    Duration age = ages.age(job, versionStart, clock.instant());
    Plan plan =
        scheduler.schedule(job, eval, executions, load.adjust(nodes.get()), clock.instant(), age);
    PlanApplier.Dispatch dispatch = PlanApplier.apply(tx, plan, clock.instant());
    if (dispatch.job().stateType().isTerminal()) {
      ages.forget(job.id());
    }
    // Counted before the commit, so that the next job of the same batch sees these placements.
    dispatch.askForBid().forEach(load::placed);
    // analytics: job terminal, executions created or ended by this pass (no-op when off)
    analytics.get().planApplied(job, dispatch.job(), executions, () -> tx.executions(job.id()));
    return dispatch;
  }
}
