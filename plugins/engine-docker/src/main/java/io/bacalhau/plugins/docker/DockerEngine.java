package io.bacalhau.plugins.docker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Gpu;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.NetworkType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineResult;
import io.bacalhau.core.spi.engine.RunRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a task as a container: image, limits, network, mounts, output, exit code. A stop or timeout
 * interrupts the run; the container is then killed, and it is always removed.
 */
public final class DockerEngine implements Engine {
  /** How long close waits for interrupted runs: within the node's own stop deadline. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

  private final DockerApi api;
  private final DockerConfig config;
  private final ProviderContext context;
  private final ImageResolver images;
  private final GpuClaims gpus;
  private final LiveContainers live = new LiveContainers();

  DockerEngine(DockerApi api, DockerConfig config, ProviderContext context) {
    this.api = api;
    this.config = config;
    this.context = context;
    this.images = new ImageResolver(api, config, context.hostEnv());
    this.gpus = new GpuClaims(context.gpus());
  }

  /** Removes what a crashed process of this node left behind; called when the node starts. */
  int cleanLeftovers() {
    return Leftovers.clean(api, Labels.ofNode(context.nodeId()));
  }

  @Override
  public void validate(SpecConfig engineSpec) {
    DockerParams.from(engineSpec);
  }

  /**
   * Refuses an image none of whose platforms this daemon runs, before the node bids (Bacalhau's
   * image-platform bid strategy). A spec that does not parse is left to validation.
   */
  @Override
  public Optional<String> bidRefusal(Job job) {
    DockerParams params;
    try {
      params = DockerParams.from(job.task().engine());
    } catch (BacalhauException e) {
      return Optional.empty();
    }
    try {
      return images.bidRefusal(params.image());
    } catch (RuntimeException e) {
      // A daemon that is down is said as such, where it was looked for and what to do; the bare
      // "ConnectException: Connection refused" named neither.
      Installation daemon = daemon();
      if (!daemon.installed()) {
        return Optional.of(daemon.reason());
      }
      throw e;
    }
  }

  /** Whether the daemon answers a ping now, and if not, where it was looked for and why. */
  private Installation daemon() {
    return DockerEngineFactory.probe(config, context.hostEnv());
  }

  @Override
  public EngineResult run(RunRequest request, ExecutionEvents events) throws Exception {
    live.runStarted();
    try {
      return runContainer(request, events);
    } catch (RuntimeException e) {
      if (!cutShortByStop(e)) {
        throw daemonGone(e);
      }
      InterruptedException stopped = new InterruptedException("stopped during a Docker call");
      stopped.initCause(e);
      throw stopped;
    } finally {
      live.runEnded();
    }
  }

  private EngineResult runContainer(RunRequest request, ExecutionEvents events) throws Exception {
    DockerParams params = DockerParams.from(request.engineSpec());
    NetworkSetup.validate(request.network());
    images.ensure(params.image(), events);
    Map<String, String> labels =
        Labels.of(context.nodeId(), request.jobId(), request.executionId());
    if (request.network().networkType() == NetworkType.HTTP) {
      // A run of this execution from before a crash would hold the network's name.
      Leftovers.clean(api, Map.of(Labels.EXECUTION, request.executionId()));
    }
    String name = ContainerPlanner.containerName(request);
    try (NetworkSetup network =
        NetworkSetup.prepare(
            api,
            request.network(),
            name + "-net",
            labels,
            context.addressPolicy(),
            why -> events.emit("Network", "Refused a connection to " + why))) {
      long wanted = request.resources().gpu();
      List<Gpu> held = gpus.knowsGpus() && wanted > 0 ? gpus.claim(wanted) : List.of();
      try {
        GpuDevices devices =
            gpus.knowsGpus() ? GpuDevices.of(held, GpuDevices.DRI) : GpuDevices.nvidiaCount(wanted);
        ContainerPlan plan =
            ContainerPlanner.plan(
                request, params, network, labels, config.allowReadWriteInputs(), devices);
        String id = create(plan, request.executionId());
        try {
          return new ContainerRun(api, id).run(request.stdout(), request.stderr());
        } finally {
          removeQuietly(id);
        }
      } finally {
        gpus.release(held);
      }
    }
  }

  /**
   * Creates the container on a thread of its own: a stop does not cut the daemon call short (the
   * daemon would finish a container nobody removes) but waits for it and removes what it made.
   */
  private String create(ContainerPlan plan, String executionId) throws Exception {
    FutureTask<String> creation = new FutureTask<>(() -> createOrReplace(plan, executionId));
    Thread.ofVirtual().name("docker-create-" + executionId).start(creation);
    try {
      return creation.get();
    } catch (InterruptedException e) {
      try {
        removeQuietly(uninterruptibly(creation));
      } catch (ExecutionException failed) {
        // nothing was made
      }
      Thread.currentThread().interrupt();
      throw e;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /**
   * A run of this execution from before a crash may still hold the container name: only then is it
   * looked for and removed, so a normal run asks the daemon nothing extra.
   */
  private String createOrReplace(ContainerPlan plan, String executionId)
      throws InterruptedException {
    String id;
    try {
      id = api.create(plan);
    } catch (DockerApi.NameInUseException e) {
      Leftovers.clean(api, Map.of(Labels.EXECUTION, executionId));
      id = api.create(plan);
    }
    if (!live.created(id)) { // from here on, the engine's close removes it if the run does not
      api.remove(id);
      throw new InterruptedException("the Docker engine is closing: the node is stopping");
    }
    return id;
  }

  private static String uninterruptibly(FutureTask<String> task) throws ExecutionException {
    while (true) {
      try {
        return task.get();
      } catch (InterruptedException again) {
        // a second stop: the creation still has to end before its container can be removed
      }
    }
  }

  /**
   * A Docker call failed mid-run: when the daemon no longer answers, that is the error (retryable:
   * the job runs again once it is back), not the HTTP client's "Premature end of chunk coded
   * message body" that the cut connection left.
   */
  private RuntimeException daemonGone(RuntimeException e) {
    if (e instanceof BacalhauException) {
      return e;
    }
    Installation daemon = daemon();
    if (daemon.installed()) {
      return e;
    }
    return BacalhauException.builder(
            ErrorCode.SERVICE_UNAVAILABLE,
            "the Docker daemon went away while the job ran: " + daemon.reason())
        .component("DockerExecutor")
        .hint(
            "Start dockerd (or fix DOCKER_HOST / Engines.Types.Docker.Host); the node bids for"
                + " Docker jobs again as soon as it answers.")
        .retryable(true)
        .cause(e)
        .build();
  }

  /**
   * A stop interrupts the thread, and docker-java then fails the call in flight with an unchecked
   * exception (an aborted request, a cancelled connection lease) rather than an interrupt. A
   * timeout is an InterruptedIOException too, but a failure, not a stop.
   */
  private static boolean cutShortByStop(RuntimeException e) {
    if (Thread.currentThread().isInterrupted()) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InterruptedException
          || t instanceof java.util.concurrent.CancellationException
          || (t instanceof java.io.InterruptedIOException
              && !(t instanceof java.net.SocketTimeoutException))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Removes a container by id or name. Removal runs even after an interrupt, so the flag is set
   * aside for the daemon call.
   */
  private void removeQuietly(String id) {
    boolean interrupted = Thread.interrupted();
    try {
      api.remove(id);
      live.removed(id);
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(DockerEngine.class)
          .warn("could not remove container {}: {}", id, e.toString());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static BacalhauException memoryExceeded(long limit) {
    return BacalhauException.builder(ErrorCode.MEMORY_LIMIT_EXCEEDED, "memory limit exceeded")
        .component("DockerExecutor")
        .hint(
            "The container was killed for using more than its "
                + (limit > 0 ? limit + " bytes" : "allowed memory")
                + "; ask for more with --memory (Task.Resources.Memory).")
        .failsExecution(true)
        .build();
  }

  /**
   * The node is stopping: it has interrupted the runs but does not wait for them, so the containers
   * they still hold are removed here (and the runs get a moment to end) before the client goes.
   */
  @Override
  public void close() {
    live.removeAll(api, CLOSE_GRACE);
    api.close();
  }
}
