package io.bacalhau.core.compute;

import io.bacalhau.core.models.BuildVersionInfo;
import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.core.protocol.ComputeChannel;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.version.BuildInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compute node: bids on executions it can run, queues them for capacity, and runs each on a
 * virtual thread. It advertises only the providers installed here.
 */
public final class ComputeNode implements ComputeChannel, AutoCloseable {
  // Parsed once: the scheduler asks for this node's info for every evaluation.
  private static final Logger LOG = LoggerFactory.getLogger(ComputeNode.class);
  private static final BuildVersionInfo VERSION = BuildInfo.current().versionInfo();
  // Within serve's shutdown grace, leaving the engines time to close after the runs.
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(4);
  private final ProviderRegistry registry;
  private final ComputeCallback callback;
  private final ComputeSettings settings;
  private final Bidder bidder;
  private final ExecutionRunner runner;
  private final ExecutorBuffer buffer;
  private final Map<String, RunningExecution> active = new ConcurrentHashMap<>();
  private final Set<Thread> runs = ConcurrentHashMap.newKeySet();
  private final RecentExecutions asked = new RecentExecutions();
  private final RecentExecutions accepted = new RecentExecutions();
  private volatile boolean closing;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("bacalhau-timeouts").factory());

  public ComputeNode(
      ProviderRegistry registry, ComputeCallback callback, ComputeSettings settings, Clock clock) {
    this.registry = registry;
    this.callback = callback;
    this.settings = settings;
    this.bidder = new Bidder(registry, settings);
    this.runner = new ExecutionRunner(registry, callback, settings, clock);
    this.buffer = new ExecutorBuffer(settings.capacity());
  }

  /**
   * What this node advertises, its Bacalhau version included ({@code node list --show version}),
   * and what its GPU search found ({@code node describe} of a node with 0 GPUs says why).
   */
  public NodeInfo info() {
    Resources max = settings.capacity();
    ExecutorBuffer.Usage usage = buffer.usage();
    // What runs and waits here, so that the scheduler prefers a node with room (Bacalhau's
    // available-capacity and queue rankers) and never leaves a job queued behind this one.
    ComputeNodeInfo compute =
        new ComputeNodeInfo(
            registry.installedTypes(ProviderKind.ENGINE),
            registry.installedTypes(ProviderKind.PUBLISHER),
            registry.installedTypes(ProviderKind.INPUT_SOURCE),
            max,
            usage.queued(),
            max.subtract(usage.running()),
            max,
            Math.max(0, active.size() - usage.waiting()),
            usage.waiting(),
            "",
            settings.gpus().summary());
    return new NodeInfo(
        settings.nodeId(), NodeType.COMPUTE, settings.labels(), List.of(), compute, VERSION);
  }

  @Override
  public void askForBid(Job job, Execution execution) {
    if (!asked.firstTime(execution.id())) {
      // Sent again by a restarted orchestrator: this node's answer is on its way (the transport
      // keeps it until the orchestrator committed it).
      LOG.debug("ignored a repeated ask for bid for execution {}", execution.id());
      return;
    }
    String rejection = bidder.rejection(job, execution);
    if (rejection != null) {
      answer(job, execution, rejection);
      return;
    }
    // The engine's bid hook and the probes may ask a daemon, a registry, a process or a URL: they
    // must not hold the orchestrator that asked, so the answer comes from a thread of its own.
    Thread.ofVirtual()
        .name("bid-" + execution.id())
        .start(
            () -> {
              String refused;
              try {
                refused = bidder.slowRejection(job);
              } catch (InterruptedException e) {
                refused = "this node stopped before its probes answered";
              }
              answer(job, execution, refused);
            });
  }

  private void answer(Job job, Execution execution, String rejection) {
    callback.bidResult(execution.id(), rejection == null, rejection == null ? "" : rejection);
    if (rejection == null && execution.desiredStateType() == ExecutionDesiredStateType.RUNNING) {
      bidAccepted(job, execution);
    }
  }

  @Override
  public void bidAccepted(Job job, Execution execution) {
    if (!accepted.firstTime(execution.id())) {
      LOG.debug("ignored a repeated bid accepted for execution {}", execution.id());
      return; // it runs, waits or ran here already
    }
    RunningExecution handle = new RunningExecution(timer);
    active.put(execution.id(), handle);
    buffer.add(job, execution, handle);
    startWhatFits();
  }

  @Override
  public void cancel(String executionId, String reason) {
    RunningExecution handle = active.get(executionId);
    if (handle == null) {
      return;
    }
    if (buffer.remove(executionId)) {
      active.remove(executionId);
      callback.cancelled(executionId, reason);
      return;
    }
    handle.stop(new RunningExecution.StopReason(reason, null));
  }

  /**
   * The bid lost to another node's (Bacalhau's BidRejected). A bid reserves nothing here until it
   * is accepted; an execution that was queued on a direct bid gives its place in the queue back at
   * once, with no report (the orchestrator already recorded the rejection), and one already running
   * is stopped as a cancel would.
   */
  @Override
  public void bidRejected(String executionId, String reason) {
    RunningExecution handle = active.get(executionId);
    if (handle == null) {
      return;
    }
    if (buffer.remove(executionId)) {
      active.remove(executionId);
      return;
    }
    handle.stop(new RunningExecution.StopReason(reason, null));
  }

  /** Whether the execution runs or waits here (its output may still grow). */
  public boolean isActive(String executionId) {
    return active.containsKey(executionId);
  }

  /** The executions running or waiting here. */
  public Set<String> activeExecutionIds() {
    return Set.copyOf(active.keySet());
  }

  /** How many executions are running or waiting here. */
  public int activeCount() {
    return active.size();
  }

  private void startWhatFits() {
    while (!closing) {
      var next = buffer.next();
      if (next.isEmpty()) {
        return;
      }
      ExecutorBuffer.Queued q = next.get();
      Thread run =
          Thread.ofVirtual()
              .name("execution-" + q.execution().id())
              .unstarted(
                  () -> {
                    q.handle().attach(Thread.currentThread());
                    try {
                      runner.run(q.job(), q.execution(), q.handle());
                    } finally {
                      active.remove(q.execution().id());
                      buffer.release(q.execution());
                      runs.remove(Thread.currentThread());
                      startWhatFits();
                    }
                  });
      runs.add(run); // before it starts, so that its own removal cannot come first
      run.start();
    }
  }

  @Override
  public void close() {
    closing = true; // a stopped run's end must not start what waits
    active
        .values()
        .forEach(h -> h.stop(new RunningExecution.StopReason("node shutting down", null)));
    timer.shutdownNow();
    awaitRuns();
  }

  /**
   * Stopped runs still clean up (their container, their folders, their last report); the engines
   * and folders they use are closed after this node, so it waits for them, within a bound.
   */
  private void awaitRuns() {
    long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
    for (Thread run : List.copyOf(runs)) {
      long left = deadline - System.nanoTime();
      try {
        if (left <= 0 || !run.join(Duration.ofNanos(left))) {
          LOG.warn("execution {} still stopping as the node closes", run.getName());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
