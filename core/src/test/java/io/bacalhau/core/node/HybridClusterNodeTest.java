package io.bacalhau.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.compute.ComputeNode;
import io.bacalhau.core.compute.ComputeSettings;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.orchestrator.JobWatchers;
import io.bacalhau.core.protocol.ComputeChannel;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.store.JobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seam the cluster transport plugs into: a hybrid node with a directory of remote nodes and a
 * router to them places on its own compute node and on the remote ones, and lists them all.
 */
class HybridClusterNodeTest {
  @TempDir Path dir;

  /** The remote nodes a transport would keep: here one compute node in this JVM. */
  private static final class OneRemote implements NodeDirectory {
    private final ComputeNode remote;
    final List<Listener> listeners = new ArrayList<>();

    OneRemote(ComputeNode remote) {
      this.remote = remote;
    }

    @Override
    public List<NodeState> nodes() {
      return List.of(NodeStates.connected(remote.info(), java.time.Instant.now()));
    }

    @Override
    public List<NodeInfo> candidates() {
      return List.of(remote.info());
    }

    @Override
    public void update(String nodeIdOrPrefix, String action, String message) {}

    @Override
    public void addListener(Listener listener) {
      listeners.add(listener);
    }
  }

  @Test
  void aHybridNodePlacesCountTwoOnItsOwnComputeNodeAndARemoteOne() throws Exception {
    NodeOptions options = NodeOptions.defaults(dir, Map.of());
    ProviderRegistry registry = EmbeddedNodeTestSupport.builtinRegistry(dir);
    JobWatchers watchers = new JobWatchers();
    AtomicReference<LocalNode> hybrid = new AtomicReference<>();
    ComputeNode remote =
        new ComputeNode(
            registry,
            new ForwardingCallback(() -> hybrid.get().orchestrator()),
            new ComputeSettings(
                "n-remote",
                Map.of(),
                options.capacity(),
                List.of(),
                Map.of(),
                dir.resolve("remote-executions"),
                null,
                null),
            Clock.systemUTC());
    OneRemote directory = new OneRemote(remote);
    try (JobStore store = JobStore.open(options.storeFile());
        LocalNode node =
            new LocalNode(
                options,
                store,
                registry,
                watchers,
                true,
                NodeCluster.orchestrator(
                    NodeRoles.HYBRID,
                    directory,
                    id ->
                        id.equals("n-remote")
                            ? Optional.of((ComputeChannel) remote)
                            : Optional.empty()))) {
      hybrid.set(node);
      node.start();
      assertEquals(1, directory.listeners.size(), "the orchestrator listens for joins and leaves");
      assertEquals(
          Set.of(node.nodeId(), "n-remote"),
          node.directory().nodes().stream()
              .map(n -> n.info().nodeId())
              .collect(Collectors.toSet()));
      Job job =
          Job.builder()
              .name("")
              .type(JobType.BATCH)
              .count(2)
              .task(Task.builder().name("main").engine(SpecConfig.of("noop")).build())
              .build();
      String jobId = node.orchestrator().submit(job, false).jobId();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (store.read(r -> r.requireJob(jobId)).stateType() != JobStateType.COMPLETED) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("never completed: " + store.read(r -> r.requireJob(jobId)));
        }
        watchers.awaitChange(Duration.ofMillis(100));
      }
      assertEquals(
          Set.of(node.nodeId(), "n-remote"),
          store.read(r -> r.executions(jobId)).stream()
              .map(Execution::nodeId)
              .collect(Collectors.toSet()));
    } finally {
      remote.close();
      registry.close();
    }
  }
}
