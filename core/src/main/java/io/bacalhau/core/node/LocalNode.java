package io.bacalhau.core.node;

import io.bacalhau.core.analytics.Analytics;
import io.bacalhau.core.compute.ComputeNode;
import io.bacalhau.core.compute.ComputeSettings;
import io.bacalhau.core.identity.SystemMetadata;
import io.bacalhau.core.orchestrator.JobWatchers;
import io.bacalhau.core.orchestrator.Orchestrator;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.store.JobStore;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * An orchestrator and a compute node in one process, on one data dir: what runs jobs when no daemon
 * is around. Several processes may open the same data dir; each owns the jobs it submits.
 */
public final class LocalNode implements AutoCloseable {
  private final JobStore store;
  private final Orchestrator orchestrator;
  private final ComputeNode compute;
  private final JobWatchers watchers;
  private final String instanceId = "p-" + UUID.randomUUID();
  private final String nodeId;
  private final Analytics analytics;
  private boolean started;

  /**
   * @param disableAnalytics {@code DisableAnalytics}: when true no analytics sink is even created
   */
  public LocalNode(
      NodeOptions options,
      JobStore store,
      ProviderRegistry registry,
      JobWatchers watchers,
      boolean disableAnalytics) {
    this.store = store;
    this.watchers = watchers;
    this.nodeId = SystemMetadata.loadOrCreate(options.dataDir()).nodeName();
    Clock clock = Clock.systemUTC();
    this.orchestrator =
        new Orchestrator(
            store,
            instanceId,
            nodeId,
            registry,
            options.jobDefaults(),
            options.scheduler(),
            this::nodes,
            watchers,
            clock);
    ComputeSettings settings =
        new ComputeSettings(
            nodeId,
            options.labels(),
            options.capacity(),
            options.envAllowList(),
            options.hostEnv(),
            options.executionsDir(),
            options.admission(),
            options.gpus());
    this.compute = new ComputeNode(registry, orchestrator, settings, clock);
    orchestrator.connect(compute);
    orchestrator.watchLocalExecutions(compute::activeExecutionIds);
    this.analytics = Analytics.start(disableAnalytics, registry);
    orchestrator.useAnalytics(analytics);
    store.instances().register(instanceId, clock.instant());
  }

  private List<io.bacalhau.core.models.NodeInfo> nodes() {
    return List.of(compute.info());
  }

  /** Starts scheduling and running; until then the node only records requests. */
  public synchronized void start() {
    if (!started) {
      started = true;
      orchestrator.start();
    }
  }

  public synchronized boolean isStarted() {
    return started;
  }

  public Orchestrator orchestrator() {
    return orchestrator;
  }

  public ComputeNode compute() {
    return compute;
  }

  public JobStore store() {
    return store;
  }

  public JobWatchers watchers() {
    return watchers;
  }

  public String nodeId() {
    return nodeId;
  }

  public Analytics analytics() {
    return analytics;
  }

  public String instanceId() {
    return instanceId;
  }

  /** Stops working; unfinished jobs are left for the next process to adopt. */
  @Override
  public void close() {
    orchestrator.close();
    compute.close();
    store.instances().remove(instanceId);
    analytics.close(); // flushes what is queued, within a short deadline
  }
}
