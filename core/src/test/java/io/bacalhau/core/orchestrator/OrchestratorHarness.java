package io.bacalhau.core.orchestrator;

import io.bacalhau.core.builtin.BuiltinProviders;
import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.protocol.ComputeRouter;
import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.store.JobStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The real orchestrator on a real store in a temp folder, with a compute side the test answers
 * ({@link ScriptedCompute}) and a clock the test moves ({@link ManualClock}).
 */
final class OrchestratorHarness implements AutoCloseable {
  static final NodeInfo NODE =
      new NodeInfo(
          "n-harness",
          Map.of(),
          List.of("noop"),
          List.of("noop"),
          List.of(),
          new Resources(64, 1L << 40, 1L << 40, 0));

  final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
  final ScriptedCompute compute = new ScriptedCompute();
  final JobStore store;
  final Orchestrator orchestrator;
  private final JobWatchers watchers = new JobWatchers();
  private final ProviderRegistry registry = new ProviderRegistry();

  OrchestratorHarness(Path dir) {
    ProviderLoader loader =
        new ProviderLoader(
            registry,
            ConfigBinder.DEFAULTS,
            new ProviderContext(dir, "n-harness", Map.of()),
            Set.of());
    BuiltinProviders.factories().forEach(f -> loader.add(f, BuiltinProviders.SOURCE));
    store = JobStore.open(dir.resolve("jobs.db"));
    orchestrator =
        new Orchestrator(
            store,
            "p-harness",
            "n-harness",
            registry,
            JobDefaults.BUILT_IN,
            new SchedulerSettings(2, Duration.ofSeconds(30)),
            () -> List.of(NODE),
            watchers,
            clock,
            clock::nanoTime);
    orchestrator.connect(ComputeRouter.everyNode(compute));
    orchestrator.start();
  }

  Job job(String id) {
    return store.read(r -> r.requireJob(id));
  }

  List<Execution> executions(String jobId) {
    return store.read(r -> r.executions(jobId));
  }

  /** Waits (on the orchestrator's change signal, not a sleep) until the job is as wanted. */
  Job await(String jobId, Predicate<Job> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      Job job = job(jobId);
      if (wanted.test(job)) {
        return job;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("job " + jobId + " never got there; it is " + job.stateType());
      }
      watchers.awaitChange(Duration.ofMillis(200));
    }
  }

  /** The next thing the orchestrator asks of compute, waiting up to 10 s for it. */
  ScriptedCompute.Request next() throws InterruptedException {
    ScriptedCompute.Request r = compute.next(10_000);
    if (r == null) {
      throw new AssertionError("the orchestrator asked compute nothing");
    }
    return r;
  }

  @Override
  public void close() {
    orchestrator.close();
    store.close();
    registry.close();
  }
}
