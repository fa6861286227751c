package io.bacalhau.core.node;

import io.bacalhau.core.client.ExecutionQuery;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.JobDetails;
import io.bacalhau.core.client.JobDiff;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.compute.ExecutionFolders;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.BuildVersionInfo;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.orchestrator.JobWatchers;
import io.bacalhau.core.orchestrator.Orchestrator;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.results.ResultDownloader;
import io.bacalhau.core.store.JobStore;
import io.bacalhau.core.version.BuildInfo;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link NodeClient} on a node in this very process. Reads go straight to the store; the node
 * (and its plugins) is only built for requests that change something, and only starts working when
 * someone waits for a result.
 */
public final class EmbeddedNodeClient implements NodeClient {
  private final NodeSetup setup;
  private final NodeOptions options;
  private final Supplier<ProviderRegistry> registry;
  private final Runnable onOrphanedWork;
  private final NodeCluster cluster;
  private final JobWatchers watchers = new JobWatchers();
  private boolean closed;
  private JobStore store;
  private LocalNode node;

  /**
   * @param registry the node's providers, asked for only when the node is built (reads need none)
   * @param onOrphanedWork called at close when jobs are left with no live owner (the caller starts
   *     a background worker for them)
   */
  public EmbeddedNodeClient(
      NodeSetup setup, Supplier<ProviderRegistry> registry, Runnable onOrphanedWork) {
    this(setup, registry, onOrphanedWork, NodeCluster.LOCAL);
  }

  /** A client on a node that takes the part {@code cluster} gives it. */
  public EmbeddedNodeClient(
      NodeSetup setup,
      Supplier<ProviderRegistry> registry,
      Runnable onOrphanedWork,
      NodeCluster cluster) {
    this.setup = setup;
    this.options = setup.options();
    this.registry = registry;
    this.onOrphanedWork = onOrphanedWork;
    this.cluster = cluster;
  }

  private synchronized JobStore store() {
    checkOpen();
    if (store == null) {
      store = JobStore.open(options.storeFile());
    }
    return store;
  }

  /** The node of this process, created on first need. */
  public synchronized LocalNode node() {
    checkOpen();
    if (node == null) {
      node =
          new LocalNode(
              options, store(), registry.get(), watchers, setup.disableAnalytics(), cluster);
    }
    return node;
  }

  /** Starts scheduling and running in this process and keeps at it until closed. */
  public void startWorking() {
    node().start();
  }

  @Override
  public SubmitResult submit(Job job, boolean force) {
    return node().orchestrator().submit(job, force);
  }

  @Override
  public Job job(String idOrName, String namespace) {
    return store().read(r -> r.resolveJob(idOrName, namespace));
  }

  @Override
  public JobDetails describe(String idOrName, String namespace, long version) {
    return store()
        .read(
            r -> {
              Job job = r.resolveJob(idOrName, namespace);
              Job shown = version > 0 ? r.jobVersion(job.id(), version).orElse(job) : job;
              List<Execution> executions =
                  r.executions(job.id()).stream()
                      .filter(e -> e.jobVersion() == shown.version())
                      .toList();
              List<JobHistory> history =
                  r.history(job.id(), new HistoryQuery(shown.version(), false, "all", "", 0));
              return new JobDetails(shown, executions, history);
            });
  }

  @Override
  public List<Job> list(JobQuery query) {
    return store().read(r -> r.jobs(query));
  }

  @Override
  public List<JobHistory> history(String jobId, HistoryQuery query) {
    return store().read(r -> r.history(jobId, query));
  }

  @Override
  public List<Execution> executions(String jobId, long version) {
    return store()
        .read(
            r ->
                r.executions(jobId).stream()
                    .filter(e -> version == 0 || e.jobVersion() == version)
                    .toList());
  }

  @Override
  public List<Execution> executions(String jobId, ExecutionQuery query) {
    return store().read(r -> r.executions(jobId, query));
  }

  @Override
  public List<Job> versions(String jobId) {
    return store().read(r -> r.versions(jobId));
  }

  @Override
  public List<SpecConfig> results(String idOrName, String namespace) {
    return store()
        .read(
            r -> {
              Job job = r.resolveJob(idOrName, namespace);
              JobType type = job.jobType().orElse(JobType.BATCH);
              if (type != JobType.BATCH && type != JobType.OPS) {
                throw BacalhauException.builder(
                        ErrorCode.BAD_REQUEST,
                        "job type " + job.type() + " does not support results")
                    .component("Results")
                    .build();
              }
              return r.executions(job.id()).stream()
                  .filter(e -> e.jobVersion() == job.version())
                  .filter(e -> e.computeStateType() == ExecutionStateType.COMPLETED)
                  .sorted(java.util.Comparator.comparingLong(Execution::createTime))
                  .map(Execution::publishedResult)
                  .filter(p -> p != null && !p.type().isBlank())
                  .toList();
            });
  }

  @Override
  public void download(List<SpecConfig> results, Path out, boolean raw, Duration stallTimeout)
      throws Exception {
    ResultDownloader.forJobGet(registry.get(), options.dataDir(), stallTimeout)
        .download(results, out, raw);
  }

  @Override
  public String stop(String idOrName, String namespace, String reason) {
    return node().orchestrator().stop(idOrName, namespace, reason);
  }

  @Override
  public SubmitResult rerun(String idOrName, String namespace, long version, String reason) {
    return node().orchestrator().rerun(idOrName, namespace, version, reason);
  }

  @Override
  public void logs(
      String jobId,
      String executionId,
      boolean follow,
      boolean tail,
      OutputStream out,
      OutputStream err)
      throws InterruptedException {
    Execution execution =
        cluster.logs() == null ? null : store().read(r -> r.execution(executionId)).orElse(null);
    // An execution of another node is read from that node; this process's own from its folder.
    if (execution != null
        && !execution.nodeId().isEmpty()
        && !execution.nodeId().equals(node().nodeId())) {
      cluster.logs().copy(execution, follow, tail, () -> finished(executionId), out, err);
      return;
    }
    localLogs(jobId, executionId, follow, tail, out, err);
  }

  /** Whether the execution ended as the orchestrator's store says (gone: as good as ended). */
  private boolean finished(String executionId) {
    return store()
        .read(
            r -> r.execution(executionId).map(e -> e.computeStateType().isTerminal()).orElse(true));
  }

  /** Output of an execution this process ran, from its executions folder. */
  private void localLogs(
      String jobId,
      String executionId,
      boolean follow,
      boolean tail,
      OutputStream out,
      OutputStream err)
      throws InterruptedException {
    LogTailer.copy(
        ExecutionFolders.results(options.executionsDir(), executionId),
        follow,
        tail,
        () -> finished(executionId),
        out,
        err);
  }

  @Override
  public JobDiff diff(Job job) {
    return node().orchestrator().diff(job);
  }

  @Override
  public List<NodeState> nodes() {
    return node().directory().nodes();
  }

  @Override
  public NodeInfo nodeInfo() {
    return node().info();
  }

  @Override
  public void updateNode(String nodeId, String action, String message) {
    node().directory().update(nodeId, action, message);
  }

  /** This process answers for itself: it is alive as long as it can be asked. */
  @Override
  public String agentAlive() {
    return "OK";
  }

  @Override
  public BuildVersionInfo agentVersion() {
    return BuildInfo.current().versionInfo();
  }

  /** The configuration the node was set up from; a node built without one has none to show. */
  @Override
  public Map<String, Object> agentConfig() {
    return setup.providerConfig() instanceof BacalhauConfig config ? config.asTree() : Map.of();
  }

  @Override
  public void awaitChange(Duration timeout) throws InterruptedException {
    startWorking();
    watchers.awaitChange(timeout);
  }

  @Override
  public void awaitChange(String jobId, Duration timeout) throws InterruptedException {
    startWorking();
    watchers.awaitChange(jobId, timeout);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the node client is closed");
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (node != null) {
      node.close();
    }
    if (store != null) {
      // Also after a read-only command: work a killed process left behind must not wait for the
      // next `job run` to be picked up.
      boolean orphans = Orchestrator.hasOrphans(store);
      store.close();
      if (orphans) {
        onOrphanedWork.run();
      }
    }
  }
}
