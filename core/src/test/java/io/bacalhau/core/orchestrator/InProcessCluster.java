package io.bacalhau.core.orchestrator;

import io.bacalhau.core.compute.AdmissionControl;
import io.bacalhau.core.compute.ComputeNode;
import io.bacalhau.core.compute.ComputeSettings;
import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.GpuInventory;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.node.NodeOptions;
import io.bacalhau.core.node.NodeProviders;
import io.bacalhau.core.node.NodeSetup;
import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.core.protocol.ComputeChannel;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.net.AddressPolicy;
import io.bacalhau.core.store.JobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real orchestrator and several real compute nodes in one JVM, each node behind its own link that
 * records what the orchestrator sends it. A node can be cut off (its messages are dropped and it is
 * no longer a candidate, as when its heartbeats stop) and come back.
 */
final class InProcessCluster implements AutoCloseable {
  static final Resources CAPACITY = new Resources(4, 8L << 30, 8L << 30, 0);

  final JobStore store;
  volatile Orchestrator orchestrator;
  private volatile String instanceId = "p-cluster";
  final JobWatchers watchers = new JobWatchers();
  private final Path dir;
  private final ProviderRegistry registry;
  private final ProviderRegistry withoutNoop;
  private final Map<String, ComputeNode> nodes = new LinkedHashMap<>();
  private final Map<String, Link> links = new ConcurrentHashMap<>();
  private final Set<String> connected = ConcurrentHashMap.newKeySet();
  private final SchedulerSettings settings;
  // The compute nodes report to whichever orchestrator process is current.
  private final ComputeCallback current = new CurrentOrchestrator();

  InProcessCluster(Path dir, SchedulerSettings settings) {
    this.settings = settings;
    this.dir = dir;
    this.registry = NodeProviders.open(NodeSetup.builtinOnly(dir)).registry();
    this.withoutNoop =
        NodeProviders.open(
                new NodeSetup(
                    NodeOptions.defaults(dir, Map.of()),
                    ConfigBinder.DEFAULTS,
                    null,
                    Set.of(ProviderLoader.disabledKey(ProviderKind.ENGINE, "noop")),
                    AddressPolicy.embedded(),
                    Map.of(),
                    true))
            .registry();
    this.store = JobStore.open(dir.resolve("jobs.db"));
    this.orchestrator = orchestrator(instanceId);
  }

  private Orchestrator orchestrator(String instanceId) {
    Orchestrator o =
        new Orchestrator(
            store,
            instanceId,
            "n-orchestrator",
            registry,
            JobDefaults.BUILT_IN,
            settings,
            this::candidates,
            watchers,
            Clock.systemUTC(),
            System::nanoTime);
    o.connect(id -> connected.contains(id) ? Optional.ofNullable(links.get(id)) : Optional.empty());
    return o;
  }

  /**
   * The orchestrator process dies as with {@code kill -9} (what it had not sent is lost with it)
   * and a new one, {@code next}, starts on the same store and adopts its jobs.
   */
  void restartOrchestrator(String next) throws Exception {
    orchestrator.close();
    io.bacalhau.core.store.InstanceRegistrations.killProcess(store, instanceId);
    instanceId = next;
    orchestrator = orchestrator(next);
    orchestrator.start();
  }

  /**
   * Messages to node {@code id} are recorded but not delivered, as when the orchestrator dies
   * before its outbox sends them; {@code false} delivers again.
   */
  void undelivered(String id, boolean lost) {
    links.get(id).lost = lost;
  }

  InProcessCluster(Path dir) {
    this(dir, new SchedulerSettings(2, Duration.ofSeconds(30)));
  }

  /** A compute node with the built-in providers; it is a candidate at once. */
  InProcessCluster node(String id) {
    return node(id, registry, Map.of());
  }

  InProcessCluster node(String id, Map<String, String> labels) {
    return node(id, registry, labels);
  }

  /** A compute node without the noop engine. */
  InProcessCluster nodeWithoutNoop(String id) {
    return node(id, withoutNoop, Map.of());
  }

  private InProcessCluster node(String id, ProviderRegistry providers, Map<String, String> labels) {
    ComputeSettings settings =
        new ComputeSettings(
            id,
            labels,
            CAPACITY,
            List.of(),
            Map.of(),
            dir.resolve("executions-" + id),
            AdmissionControl.DEFAULTS,
            GpuInventory.NONE);
    ComputeNode node = new ComputeNode(providers, current, settings, Clock.systemUTC());
    nodes.put(id, node);
    links.put(id, new Link(node));
    connected.add(id);
    return this;
  }

  InProcessCluster start() {
    orchestrator.start();
    return this;
  }

  private List<NodeInfo> candidates() {
    List<NodeInfo> infos = new ArrayList<>();
    nodes.forEach(
        (id, node) -> {
          if (connected.contains(id)) {
            infos.add(node.info());
          }
        });
    return infos;
  }

  /** The node stops being reachable and a candidate, and the orchestrator is told it left. */
  void cut(String id) {
    connected.remove(id);
    orchestrator.nodeLeft(id, "heartbeat timeout");
  }

  /** The node is reachable again and the orchestrator is told it joined. */
  void reconnect(String id) {
    connected.add(id);
    orchestrator.nodeJoined(id);
  }

  /** The node's link is back, but the orchestrator has not been told it joined. */
  void relink(String id) {
    connected.add(id);
  }

  /** Adds a node that joins after the orchestrator started. */
  void join(String id) {
    node(id);
    orchestrator.nodeJoined(id);
  }

  ComputeNode compute(String id) {
    return nodes.get(id);
  }

  /** What the orchestrator sent to node {@code id}, in order. */
  List<Sent> sent(String id) {
    return List.copyOf(links.get(id).sent);
  }

  Job job(String id) {
    return store.read(r -> r.requireJob(id));
  }

  List<Execution> executions(String jobId) {
    return store.read(r -> r.executions(jobId));
  }

  Job await(String jobId, Predicate<Job> wanted) throws InterruptedException {
    return await(jobId, wanted, Duration.ofSeconds(20));
  }

  /** Waits on the orchestrator's change signal until the job is as wanted. */
  Job await(String jobId, Predicate<Job> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Job job = job(jobId);
      if (wanted.test(job)) {
        return job;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "job " + jobId + " never got there; it is " + job.stateType() + ": " + job.state());
      }
      watchers.awaitChange(Duration.ofMillis(100));
    }
  }

  /** Waits until {@code check} holds, looking whenever the orchestrator changes something. */
  void awaitThat(String what, java.util.function.BooleanSupplier check)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!check.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never: " + what);
      }
      watchers.awaitChange(Duration.ofMillis(100));
    }
  }

  @Override
  public void close() {
    orchestrator.close();
    nodes.values().forEach(ComputeNode::close);
    store.close();
    registry.close();
    withoutNoop.close();
  }

  /** One message the orchestrator sent a node: its kind and execution. */
  record Sent(String kind, String executionId) {}

  /** Forwards compute reports to the current orchestrator process. */
  private final class CurrentOrchestrator implements ComputeCallback {
    @Override
    public void bidResult(String executionId, boolean accepted, String reason) {
      orchestrator.bidResult(executionId, accepted, reason);
    }

    @Override
    public void progressed(String executionId, ExecutionStateType state) {
      orchestrator.progressed(executionId, state);
    }

    @Override
    public void runResult(String executionId, SpecConfig published, RunCommandResult output) {
      orchestrator.runResult(executionId, published, output);
    }

    @Override
    public void computeError(String executionId, BacalhauException error, RunCommandResult out) {
      orchestrator.computeError(executionId, error, out);
    }

    @Override
    public void cancelled(String executionId, String reason) {
      orchestrator.cancelled(executionId, reason);
    }

    @Override
    public void event(String executionId, Event event) {
      orchestrator.event(executionId, event);
    }
  }

  /** A node's end of the wire: records each message, then hands it to the real compute node. */
  private static final class Link implements ComputeChannel {
    private final ComputeNode node;
    final List<Sent> sent = new CopyOnWriteArrayList<>();
    volatile boolean lost;

    Link(ComputeNode node) {
      this.node = node;
    }

    @Override
    public void askForBid(Job job, Execution execution) {
      sent.add(new Sent("askForBid", execution.id()));
      if (!lost) {
        node.askForBid(job, execution);
      }
    }

    @Override
    public void bidAccepted(Job job, Execution execution) {
      sent.add(new Sent("bidAccepted", execution.id()));
      if (!lost) {
        node.bidAccepted(job, execution);
      }
    }

    @Override
    public void bidRejected(String executionId, String reason) {
      sent.add(new Sent("bidRejected", executionId));
      if (!lost) {
        node.bidRejected(executionId, reason);
      }
    }

    @Override
    public void cancel(String executionId, String reason) {
      sent.add(new Sent("cancel", executionId));
      if (!lost) {
        node.cancel(executionId, reason);
      }
    }
  }
}
