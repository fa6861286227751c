package io.bacalhau.core.orchestrator;

import io.bacalhau.core.analytics.Analytics;
import io.bacalhau.core.client.JobDiff;
import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.RepeatedFaultLog;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.core.protocol.ComputeRouter;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.store.JobStore;
import io.bacalhau.core.store.StoreTx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the jobs this process submitted or adopted: accepts submissions, stops and reruns, runs the
 * scheduler for each evaluation, and records what compute reports. All changes happen on one worker
 * thread, in order.
 */
public final class Orchestrator implements ComputeCallback, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
  private static final long IDLE_POLL_MILLIS = 200;
  private static final int MAX_BATCH = 256;

  private final JobStore store;
  private final String instanceId;
  private final Clock clock;
  private final EvaluationPass pass;
  private final JobEndpoint endpoint;
  private final JobWatchers watchers;
  private final WorkQueue work;
  private final OwnershipKeeper ownership;
  private final StoreChecks storeChecks;
  private final NodeLoad load = new NodeLoad();
  private final StaleExecutions stale = new StaleExecutions();
  private final Membership membership;
  // Faults that recur at every try (a full disk): logged once with a stack trace, not each time.
  private final RepeatedFaultLog reportFaults =
      new RepeatedFaultLog(LOG, "recording a report from compute (retried later)");
  private final RepeatedFaultLog loopFaults = new RepeatedFaultLog(LOG, "orchestrator work");
  // Until connected there is no compute: messages wait in the store for the next process.
  private volatile ComputeRouter compute = id -> Optional.empty();
  private volatile Thread worker;
  private volatile boolean running;
  // Anonymous usage events; a no-op unless the node turned analytics on (useAnalytics).
  private volatile Analytics analytics = Analytics.disabled();

  /**
   * @param clock the wall clock, which times are stamped with
   * @param nanoTime the monotonic clock ({@link System#nanoTime}), which waits and timeouts are
   *     measured on, so that a step of the wall clock moves none of them
   */
  public Orchestrator(
      JobStore store,
      String instanceId,
      String nodeId,
      ProviderRegistry registry,
      JobDefaults defaults,
      SchedulerSettings settings,
      Supplier<List<NodeInfo>> nodes,
      JobWatchers watchers,
      Clock clock,
      LongSupplier nanoTime) {
    this.store = store;
    this.instanceId = instanceId;
    this.clock = clock;
    this.work = new WorkQueue(clock, nanoTime);
    this.watchers = watchers;
    this.ownership = new OwnershipKeeper(store, instanceId, nodeId);
    this.storeChecks =
        new StoreChecks(store, instanceId, clock, ownership, work, watchers, IDLE_POLL_MILLIS);
    this.membership = new Membership(store, instanceId, clock, load, stale);
    this.pass =
        new EvaluationPass(
            instanceId,
            clock,
            new Scheduler(settings),
            new JobAges(nanoTime),
            load,
            nodes,
            () -> analytics);
    this.endpoint =
        new JobEndpoint(
            store,
            instanceId,
            new SubmissionPipeline(defaults, registry, nodeId),
            clock,
            () -> analytics);
  }

  /** Where usage events go; set by the node before it starts. */
  public void useAnalytics(Analytics analytics) {
    this.analytics = analytics;
  }

  /** Where messages to compute nodes go: each to the node its execution is placed on. */
  public void connect(ComputeRouter router) {
    this.compute = router;
  }

  /**
   * A compute node became a candidate (joined, reconnected or approved): daemon and ops jobs, jobs
   * short of nodes and jobs with executions on it are evaluated again.
   */
  public void nodeJoined(String nodeId) {
    work.submit(() -> scheduleAll(membership.joined(nodeId, compute)));
  }

  /**
   * A compute node stopped being a candidate (disconnected, rejected or deleted): its active
   * executions fail with "node has disappeared" and their jobs are placed again elsewhere.
   */
  public void nodeLeft(String nodeId, String reason) {
    work.submit(() -> scheduleAll(membership.left(nodeId, reason)));
  }

  private void scheduleAll(List<Evaluation> evaluations) {
    evaluations.forEach(e -> work.schedule(e.id(), e.waitUntil()));
    watchers.signal();
  }

  /**
   * The executions the connected compute node runs in this process, so that runs of jobs another
   * process took over can be stopped here.
   */
  public void watchLocalExecutions(Supplier<Set<String>> executionIds) {
    ownership.watch(executionIds);
  }

  /** Starts the worker and adopts work left by processes that are gone. */
  public void start() {
    running = true;
    worker = Thread.ofPlatform().daemon().name("bacalhau-orchestrator").start(this::loop);
    work.submit(this::recover);
  }

  public SubmitResult submit(Job job, boolean force) {
    SubmitResult result;
    try {
      result = endpoint.submit(job, force);
    } catch (RuntimeException refused) {
      analytics.submitFailed(job, refused); // analytics: a refused submission counts too
      throw refused;
    }
    schedule(result.evaluationId());
    return result;
  }

  /** How {@code job} differs from the stored job of its name; nothing is written. */
  public JobDiff diff(Job job) {
    return endpoint.diff(job);
  }

  public String stop(String idOrName, String namespace, String reason) {
    Optional<Evaluation> eval = endpoint.stop(idOrName, namespace, reason);
    eval.ifPresent(e -> schedule(e.id()));
    watchers.signal();
    return eval.map(Evaluation::id).orElse("");
  }

  public SubmitResult rerun(String idOrName, String namespace, long version, String reason) {
    SubmitResult result = endpoint.rerun(idOrName, namespace, version, reason);
    schedule(result.evaluationId());
    return result;
  }

  /** Whether some job has work that no live process owns (it needs a worker). */
  public static boolean hasOrphans(JobStore store) {
    return Recovery.hasOrphans(store);
  }

  /** Whether this process still has unfinished work (used before it exits). */
  public boolean ownsActiveJobs() {
    return store.read(
        r -> r.jobsWithWork().stream().anyMatch(j -> instanceId.equals(r.owner(j.id()))));
  }

  private void schedule(String evaluationId) {
    work.schedule(evaluationId, 0);
  }

  private void loop() {
    while (running) {
      try {
        WorkQueue.Work next = work.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (next instanceof WorkQueue.Message m) {
          m.action().run();
        } else if (next != null) {
          apply(work.batch(next, MAX_BATCH));
        }
        storeChecks.runDue(compute);
        loopFaults.cleared();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        loopFaults.failed(e);
      }
    }
  }

  /**
   * Group commit: the changes and evaluations that are due together share one transaction, so a
   * burst of jobs costs one commit per batch, not one per step. Nothing is sent to compute before
   * its commit. The commit does not wait for the disk: no user was told this progress is safe, and
   * a power cut that undoes it leaves the job to be adopted and retried like any crash. Should the
   * batch fail, each item is retried alone so one bad item cannot hold up the others.
   */
  private void apply(List<WorkQueue.Work> batch) {
    List<PlanApplier.Dispatch> dispatches = new ArrayList<>();
    Set<String> changedJobs = new HashSet<>();
    try {
      store.update(
          tx -> {
            batch.forEach(w -> applyOne(tx, w, dispatches));
            changedJobs.addAll(tx.touchedJobs());
          });
      batch.forEach(this::committed);
    } catch (RuntimeException e) {
      forget(dispatches);
      dispatches.clear();
      if (batch.size() == 1) {
        failed(batch.get(0), e);
      } else {
        for (WorkQueue.Work w : batch) {
          int before = dispatches.size();
          try {
            store.update(
                tx -> {
                  applyOne(tx, w, dispatches);
                  changedJobs.addAll(tx.touchedJobs());
                });
            committed(w);
          } catch (RuntimeException one) {
            // Only this item's work is undone; the items before it committed.
            List<PlanApplier.Dispatch> undone = dispatches.subList(before, dispatches.size());
            forget(undone);
            undone.clear();
            failed(w, one);
          }
        }
      }
    }
    if (!dispatches.isEmpty()) {
      reportFaults.cleared();
    }
    for (PlanApplier.Dispatch dispatch : dispatches) {
      dispatch.evaluations().forEach(e -> work.schedule(e.id(), e.waitUntil()));
      dispatch.ended().forEach(load::ended);
      dispatch.send(compute);
    }
    membership.cancelReportedStale(compute);
    watchers.signal(changedJobs);
  }

  private void committed(WorkQueue.Work w) {
    if (w instanceof WorkQueue.Change c) {
      work.committed(c);
    }
  }

  /** Placements of a batch that did not commit do not load their nodes. */
  private void forget(List<PlanApplier.Dispatch> dispatches) {
    dispatches.forEach(d -> d.askForBid().forEach(e -> load.ended(e.id())));
  }

  /**
   * A report from compute exists only in memory: dropping it would leave its execution in the state
   * before for ever, so it is tried again later (an evaluation stays pending in the store and is
   * picked up again by the store poll).
   */
  private void failed(WorkQueue.Work w, RuntimeException e) {
    if (w instanceof WorkQueue.Change c && work.retry(c)) {
      reportFaults.failed(e);
    } else {
      LOG.warn("orchestrator work failed", e);
    }
  }

  private void applyOne(StoreTx tx, WorkQueue.Work w, List<PlanApplier.Dispatch> dispatches) {
    switch (w) {
      case WorkQueue.Change c ->
          c.change().apply(tx).ifPresent(e -> pass.evaluateNow(tx, e, dispatches));
      case WorkQueue.EvaluationDue due -> {
        PlanApplier.Dispatch d = pass.process(tx, due.evaluationId());
        if (d != null) {
          dispatches.add(d);
        }
      }
      case WorkQueue.Message m -> throw new IllegalStateException("messages run alone");
    }
  }

  private void recover() {
    ownership
        .adoptAtStart(clock.instant(), compute)
        .forEach(e -> work.schedule(e.id(), e.waitUntil()));
  }

  private void report(Function<StoreTx, Optional<Evaluation>> change) {
    work.record(change);
  }

  /** A compute report about one execution; analytics sees it before and after (when on). */
  private void report(String executionId, Function<StoreTx, Optional<Evaluation>> change) {
    Analytics a = analytics;
    if (!a.enabled()) {
      report(change);
      return;
    }
    report(
        tx -> {
          Execution before = tx.execution(executionId).orElse(null);
          Optional<Evaluation> evaluation = change.apply(tx);
          Execution after = tx.execution(executionId).orElse(null);
          if (after != null) {
            a.executionChanged(before, after, () -> tx.job(after.jobId()).orElse(null));
          }
          return evaluation;
        });
  }

  @Override
  public void bidResult(String executionId, boolean accepted, String reason) {
    if (!accepted) {
      load.ended(executionId);
    }
    // An accepted bid on a run that ended here (failed as disappeared, stopped) is a node holding
    // what nobody waits for: it is told to cancel once the report is recorded.
    Consumer<Execution> ended = accepted ? stale::reported : e -> {};
    report(
        executionId,
        tx ->
            ExecutionUpdates.bidResult(tx, executionId, accepted, reason, clock.instant(), ended));
  }

  @Override
  public void progressed(String executionId, ExecutionStateType state) {
    report(
        executionId,
        tx ->
            ExecutionUpdates.progressed(tx, executionId, state, clock.instant(), stale::reported));
  }

  @Override
  public void runResult(String executionId, SpecConfig published, RunCommandResult output) {
    load.ended(executionId);
    report(
        executionId,
        tx -> ExecutionUpdates.completed(tx, executionId, published, output, clock.instant()));
  }

  @Override
  public void computeError(String executionId, BacalhauException error, RunCommandResult output) {
    load.ended(executionId);
    report(
        executionId,
        tx -> ExecutionUpdates.failed(tx, executionId, error, output, clock.instant()));
  }

  @Override
  public void cancelled(String executionId, String reason) {
    load.ended(executionId);
    report(executionId, tx -> ExecutionUpdates.cancelled(tx, executionId, reason, clock.instant()));
  }

  @Override
  public void event(String executionId, Event event) {
    report(
        tx -> {
          ExecutionUpdates.event(tx, executionId, event);
          return Optional.empty();
        });
  }

  /**
   * Runs {@code done} once the reports made so far are committed: a compute node forgets a report
   * only then, so a crash between queueing and commit cannot lose it.
   */
  @Override
  public void afterRecorded(Runnable done) {
    work.afterCommitted(done);
  }

  @Override
  public void close() {
    running = false;
    Thread t = worker;
    if (t != null) {
      t.interrupt();
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
