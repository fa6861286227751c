package io.bacalhau.core.node;

import io.bacalhau.core.analytics.Analytics;
import io.bacalhau.core.compute.ComputeNode;
import io.bacalhau.core.compute.ComputeSettings;
import io.bacalhau.core.identity.SystemMetadata;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.orchestrator.JobWatchers;
import io.bacalhau.core.orchestrator.Orchestrator;
import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.core.protocol.ComputeRouter;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.store.JobStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The node of this process, on one data dir: by default an orchestrator and its own compute node,
 * what runs jobs when no daemon is around (several processes may open the same data dir; each owns
 * the jobs it submits). In a cluster ({@link NodeCluster}) it is an orchestrator placing on the
 * nodes of a directory, a compute node reporting to one, or both.
 */
public final class LocalNode implements AutoCloseable {
  private final JobStore store;
  private final Orchestrator orchestrator;
  private final ComputeNode compute;
  private final NodeDirectory directory;
  private final JobWatchers watchers;
  private final String instanceId = "p-" + UUID.randomUUID();
  private final String nodeId;
  private final Analytics analytics;
  private boolean started;

  /**
   * A hybrid node on its own, today's default.
   *
   * @param disableAnalytics {@code DisableAnalytics}: when true no analytics sink is even created
   */
  public LocalNode(
      NodeOptions options,
      JobStore store,
      ProviderRegistry registry,
      JobWatchers watchers,
      boolean disableAnalytics) {
    this(options, store, registry, watchers, disableAnalytics, NodeCluster.LOCAL);
  }

  /**
   * A node taking the part {@code cluster} gives it. A compute-only node needs no store (pass
   * null): its jobs are kept by its orchestrator.
   */
  public LocalNode(
      NodeOptions options,
      JobStore store,
      ProviderRegistry registry,
      JobWatchers watchers,
      boolean disableAnalytics,
      NodeCluster cluster) {
    this.store = store;
    this.watchers = watchers;
    this.nodeId = SystemMetadata.loadOrCreate(options.dataDir()).nodeName();
    Clock clock = Clock.systemUTC();
    NodeRoles roles = cluster.roles();
    Supplier<List<NodeInfo>> candidates = () -> directory().candidates();
    this.orchestrator =
        roles.orchestrator()
            ? new Orchestrator(
                store,
                instanceId,
                nodeId,
                registry,
                options.jobDefaults(),
                options.scheduler(),
                candidates,
                watchers,
                clock,
                System::nanoTime)
            : null;
    ComputeCallback reports = roles.orchestrator() ? orchestrator : cluster.computeCallback();
    this.compute =
        roles.compute() ? new ComputeNode(registry, reports, settings(options), clock) : null;
    this.directory = directory(cluster);
    this.analytics = Analytics.start(disableAnalytics, registry);
    if (orchestrator != null) {
      wireOrchestrator(cluster, clock);
    }
  }

  private NodeDirectory directory(NodeCluster cluster) {
    SelfDirectory self = compute == null ? null : new SelfDirectory(compute::info, Instant.now());
    if (cluster.directory() == null) {
      return self == null ? new SelfDirectory(this::info, Instant.now()) : self;
    }
    return self == null
        ? cluster.directory()
        : new HybridDirectory(self, nodeId, cluster.directory());
  }

  private void wireOrchestrator(NodeCluster cluster, Clock clock) {
    ComputeRouter remote = cluster.router() == null ? id -> Optional.empty() : cluster.router();
    orchestrator.connect(
        compute == null ? remote : ComputeRouter.only(nodeId, compute).orElse(remote));
    if (compute != null) {
      orchestrator.watchLocalExecutions(compute::activeExecutionIds);
    }
    if (cluster.directory() != null) {
      cluster
          .directory()
          .addListener(
              new NodeDirectory.Listener() {
                @Override
                public void joined(String id) {
                  orchestrator.nodeJoined(id);
                }

                @Override
                public void left(String id, String reason) {
                  orchestrator.nodeLeft(id, reason);
                }
              });
    }
    orchestrator.useAnalytics(analytics);
    store.instances().register(instanceId, clock.instant());
  }

  private ComputeSettings settings(NodeOptions options) {
    return new ComputeSettings(
        nodeId,
        options.labels(),
        options.capacity(),
        options.envAllowList(),
        options.hostEnv(),
        options.executionsDir(),
        options.admission(),
        options.gpus());
  }

  /** What this node advertises: its compute side, or only its id for an orchestrator alone. */
  public NodeInfo info() {
    return compute != null
        ? compute.info()
        : new NodeInfo(nodeId, NodeType.REQUESTER, Map.of(), List.of(), null, null);
  }

  /** The nodes this node knows, itself included; the scheduler's candidates come from it. */
  public NodeDirectory directory() {
    return directory;
  }

  /** Starts scheduling and running; until then the node only records requests. */
  public synchronized void start() {
    if (!started) {
      started = true;
      if (orchestrator != null) {
        orchestrator.start();
      }
    }
  }

  public synchronized boolean isStarted() {
    return started;
  }

  /** The orchestrator; a compute-only node has none (its jobs are kept by its orchestrator). */
  public Orchestrator orchestrator() {
    if (orchestrator == null) {
      throw new IllegalStateException("node " + nodeId + " is a compute node only");
    }
    return orchestrator;
  }

  /** The compute node; an orchestrator-only node has none. */
  public ComputeNode compute() {
    if (compute == null) {
      throw new IllegalStateException("node " + nodeId + " is an orchestrator only");
    }
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
    if (orchestrator != null) {
      orchestrator.close();
    }
    if (compute != null) {
      compute.close();
    }
    if (orchestrator != null) {
      store.instances().remove(instanceId);
    }
    analytics.close(); // flushes what is queued, within a short deadline
  }
}
