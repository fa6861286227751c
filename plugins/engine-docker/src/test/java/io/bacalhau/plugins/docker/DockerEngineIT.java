package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.engine.EngineResult;
import io.bacalhau.core.spi.net.AddressPolicy;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The docker engine against the real daemon and a locally built busybox image. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DockerEngineIT {
  @TempDir Path dir;
  final String nodeId = "n-it-" + UUID.randomUUID();
  DockerApi api;
  DockerEngine engine;

  @BeforeAll
  static void daemon() throws Exception {
    DockerTestSupport.requireDaemonAndImage();
  }

  @BeforeEach
  void setUp() {
    DockerConfig config = DockerConfig.defaults();
    api = DockerApi.connect(config.resolveHost(System.getenv()), Duration.ofSeconds(30));
    engine =
        (DockerEngine)
            new DockerEngineFactory()
                .create(config, new ProviderContext(dir, nodeId, System.getenv()));
  }

  @AfterEach
  void tearDown() {
    engine.close();
    api.close();
  }

  private EngineResult run(DockerTestSupport.Run run) throws Exception {
    return engine.run(run.request(), ExecutionEvents.NONE);
  }

  @Test
  void stdoutStderrAndExitCodeAreKeptApartAndTheContainerIsRemoved() throws Exception {
    var r = new DockerTestSupport.Run(dir, "echo hello; echo oops >&2; exit 3");
    EngineResult result = run(r);
    assertEquals(3, result.exitCode());
    assertEquals("", result.errorMessage());
    assertEquals("hello\n", r.out());
    assertEquals("oops\n", r.err());
    assertEquals(List.of(), api.containersLabelled(Map.of(Labels.EXECUTION, r.executionId)));
  }

  @Test
  void aLastLineWithoutNewlineIsKept() throws Exception {
    var r = new DockerTestSupport.Run(dir, "echo line; printf tail; printf err-tail >&2");
    assertEquals(0, run(r).exitCode());
    assertEquals("line\ntail", r.out());
    assertEquals("err-tail", r.err());
  }

  @Test
  void envWorkdirAndEntrypointOverride() throws Exception {
    var r =
        new DockerTestSupport.Run(dir)
            .param("Entrypoint", List.of("/bin/sh", "-c"))
            .param("Parameters", List.of("echo $A $B $BACALHAU_EXECUTION_ID; pwd"))
            .param("EnvironmentVariables", List.of("B=engine"))
            .param("WorkingDirectory", "/tmp");
    r.env.put("A", "task");
    r.env.put("B", "task");
    assertEquals(0, run(r).exitCode(), r.err());
    assertEquals("task engine " + r.executionId + "\n/tmp\n", r.out());
  }

  @Test
  void inputsAreReadOnlyAndResultPathsAreCollected() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("in.txt"), "input-content");
    var r =
        new DockerTestSupport.Run(
            dir,
            "cat /inputs/in.txt > /outputs/copy.txt;",
            "if echo x > /inputs/new.txt; then echo writable; else echo read-only; fi");
    r.inputs.add(
        new PreparedInput(new InputSource(null, "data", "/inputs"), data, "/inputs", false));
    r.results.add(new ResultPath("outputs", "/outputs"));
    var request = r.request();
    assertEquals(0, engine.run(request, ExecutionEvents.NONE).exitCode(), r.err());
    assertEquals("read-only\n", r.out());
    assertEquals(
        "input-content", Files.readString(request.resultsDir().resolve("outputs/copy.txt")));
    assertFalse(Files.exists(data.resolve("new.txt")));
  }

  @Test
  void exceedingTheMemoryLimitIsReportedAsSuch() throws Exception {
    var r =
        new DockerTestSupport.Run(dir, "x=$(head -c 100000000 /dev/zero | tr '\\0' a); echo ${#x}");
    r.resources = new Resources(0, 16L * 1024 * 1024, 0, 0);
    BacalhauException e = assertThrows(BacalhauException.class, () -> run(r));
    assertEquals(ErrorCode.MEMORY_LIMIT_EXCEEDED, e.code());
    assertEquals("memory limit exceeded", e.getMessage());
    assertTrue(e.hint().contains("--memory"), e.hint());
  }

  @Test
  void cpuAndMemoryLimitsReachTheContainer() throws Exception {
    // cgroup v1 files inside the container show what the daemon applied.
    var r =
        new DockerTestSupport.Run(
            dir,
            "cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/memory/memory.limit_in_bytes"
                + " 2>/dev/null || cat /sys/fs/cgroup/cpu.max /sys/fs/cgroup/memory.max");
    r.resources = new Resources(0.5, 64L * 1024 * 1024, 0, 0);
    assertEquals(0, run(r).exitCode(), r.err());
    String out = r.out();
    assertTrue(out.contains("50000"), out);
    assertTrue(out.contains(String.valueOf(64L * 1024 * 1024)), out);
  }

  @Test
  void anInterruptKillsAndRemovesTheContainer() throws Exception {
    var r = new DockerTestSupport.Run(dir, "echo started; sleep 60");
    var request = r.request();
    Thread[] runner = new Thread[1];
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    runner[0] =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    engine.run(request, ExecutionEvents.NONE);
                    outcome.complete(null);
                  } catch (Throwable t) {
                    outcome.complete(t);
                  }
                });
    Map<String, String> mine = Map.of(Labels.EXECUTION, r.executionId);
    List<String> running = waitForContainer(mine);
    ContainerView view = api.inspect(running.get(0));
    assertEquals(request.jobId(), view.labels().get(Labels.JOB));
    assertEquals(nodeId, view.labels().get(Labels.NODE));
    assertEquals("docker", view.labels().get(Labels.EXECUTOR));
    assertTrue(view.networkDisabled(), "default network is none");
    long start = System.nanoTime();
    runner[0].interrupt();
    Throwable t = outcome.get(20, TimeUnit.SECONDS);
    assertTrue(t instanceof InterruptedException, String.valueOf(t));
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "killed promptly");
    assertEquals(List.of(), api.containersLabelled(mine));
  }

  private List<String> waitForContainer(Map<String, String> labels) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      List<String> ids = api.containersLabelled(labels);
      if (!ids.isEmpty() && api.inspect(ids.get(0)).running()) {
        return ids;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("container never ran");
  }

  @Test
  void leftoversOfADeadProcessAreRemovedAtStartLiveOnesKept() throws Exception {
    String deadId = api.create(plan("bacalhau-it-dead-" + UUID.randomUUID(), deadOwner("e-dead")));
    api.start(deadId);
    String exitedId =
        api.create(plan("bacalhau-it-exited-" + UUID.randomUUID(), deadOwner("e-exited")));
    String liveId =
        api.create(
            plan("bacalhau-it-live-" + UUID.randomUUID(), Labels.of(nodeId, "j-now", "e-live")));
    api.start(liveId);
    // created, not started, by this live process: it is about to use it
    String pendingId =
        api.create(
            plan(
                "bacalhau-it-pending-" + UUID.randomUUID(),
                Labels.of(nodeId, "j-now", "e-pending")));
    try {
      DockerEngine restarted =
          (DockerEngine)
              new DockerEngineFactory()
                  .create(DockerConfig.defaults(), new ProviderContext(dir, nodeId, Map.of()));
      restarted.close();
      List<String> left = api.containersLabelled(Labels.ofNode(nodeId));
      assertFalse(left.contains(deadId), "running container of a dead process removed");
      assertFalse(left.contains(exitedId), "stopped container of a dead process removed");
      assertTrue(left.contains(liveId), "running container of this live process kept");
      assertTrue(left.contains(pendingId), "stopped container of this live process kept");
    } finally {
      api.remove(pendingId);
      api.remove(deadId);
      api.remove(exitedId);
      api.remove(liveId);
    }
  }

  /**
   * A node stopped with SIGTERM interrupts its runs and closes its engines without waiting for the
   * runs to end; the engine's client was closed under a run still killing and removing its
   * container, which stayed behind. Here the run is not even interrupted: close alone must do it.
   */
  @Test
  void closingTheEngineRemovesTheContainersOfRunsStillUnderWay() throws Exception {
    var r = new DockerTestSupport.Run(dir, "sleep 60");
    var request = r.request();
    Thread running =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    engine.run(request, ExecutionEvents.NONE);
                  } catch (Exception e) {
                    // the engine closed under it: what becomes of the run is not the question
                  }
                });
    Map<String, String> execution = Map.of(Labels.EXECUTION, r.executionId);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (api.containersLabelled(execution).stream().noneMatch(id -> api.inspect(id).running())) {
      assertTrue(System.nanoTime() < deadline, "the container never ran");
      Thread.sleep(50);
    }
    engine.close();
    List<String> left = api.containersLabelled(execution);
    left.forEach(api::remove);
    assertEquals(List.of(), left);
    running.join(Duration.ofSeconds(20));
  }

  /** Labels of a container whose process died: a pid that cannot exist. */
  private Map<String, String> deadOwner(String executionId) {
    Map<String, String> labels = new java.util.HashMap<>(Labels.of(nodeId, "j-old", executionId));
    labels.put(Labels.OWNER, Owner.current().host() + ":999999999:1");
    return labels;
  }

  private static ContainerPlan plan(String name, Map<String, String> labels) {
    return new ContainerPlan(
        name,
        DockerTestSupport.IMAGE,
        List.of(),
        List.of("sleep", "60"),
        List.of(),
        "",
        List.of(),
        0,
        0,
        GpuDevices.NONE,
        "none",
        List.of(),
        List.of(),
        labels);
  }

  @Test
  void aMissingImageWithNoReachableRegistryFailsWithAHint() throws Exception {
    var r = new DockerTestSupport.Run(dir, "true").param("Image", "127.0.0.1:9/absent/image:1");
    BacalhauException e = assertThrows(BacalhauException.class, () -> run(r));
    assertEquals(ErrorCode.IMAGE_UNAVAILABLE, e.code());
    assertTrue(e.getMessage().contains("127.0.0.1:9/absent/image:1"), e.getMessage());
    assertTrue(e.hint().contains("docker load"), e.hint());
  }

  @Test
  void anAbsentImageIsPulledWithTheConfiguredCredentialsAndProgressInTheHistory() throws Exception {
    try (LocalRegistry registry =
        LocalRegistry.serving(DockerTestSupport.IMAGE).requireLogin("bob", "s3cret")) {
      String image = registry.address() + "/bacalhau-test/pulled:" + UUID.randomUUID();
      var anonymous = new DockerTestSupport.Run(dir, "true").param("Image", image);
      BacalhauException e = assertThrows(BacalhauException.class, () -> run(anonymous));
      assertEquals(ErrorCode.IMAGE_UNAVAILABLE, e.code());
      assertTrue(e.hint().contains("DOCKER_USERNAME"), e.hint());

      DockerEngine withLogin =
          (DockerEngine)
              new DockerEngineFactory()
                  .create(
                      new DockerConfig(null, null, "bob", "s3cret", null),
                      new ProviderContext(dir, nodeId, Map.of()));
      var r = new DockerTestSupport.Run(dir, "echo pulled-and-ran").param("Image", image);
      List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
      try {
        EngineResult result =
            withLogin.run(
                r.request(),
                new ExecutionEvents() {
                  @Override
                  public void emit(String topic, String message) {
                    events.add(topic + ": " + message);
                  }

                  @Override
                  public void error(String topic, BacalhauException error) {}
                });
        assertEquals(0, result.exitCode(), r.err());
        assertEquals("pulled-and-ran\n", r.out());
        assertEquals("Image: Pulling image " + image, events.get(0));
        assertTrue(events.get(1).startsWith("Image: Pulled image " + image), events.toString());
      } finally {
        withLogin.close();
        new ProcessBuilder("docker", "rmi", "-f", image).start().waitFor();
      }
    }
  }

  @Test
  void pullPolicyNeverDoesNotTryARegistry() throws Exception {
    DockerEngine never =
        (DockerEngine)
            new DockerEngineFactory()
                .create(
                    new DockerConfig(null, PullPolicy.NEVER, null, null, null),
                    new ProviderContext(dir, nodeId, Map.of()));
    try {
      var r = new DockerTestSupport.Run(dir, "true").param("Image", "absent/image:1");
      BacalhauException e =
          assertThrows(BacalhauException.class, () -> never.run(r.request(), ExecutionEvents.NONE));
      assertTrue(e.getMessage().contains("pull policy is Never"), e.getMessage());
      var present = new DockerTestSupport.Run(dir, "echo local");
      assertEquals(0, never.run(present.request(), ExecutionEvents.NONE).exitCode());
    } finally {
      never.close();
    }
  }

  @Test
  void aMissingExecutableIsARunnerErrorWithAHint() throws Exception {
    var r = new DockerTestSupport.Run(dir).param("Entrypoint", List.of("/no/such/binary"));
    BacalhauException e = assertThrows(BacalhauException.class, () -> run(r));
    assertTrue(e.getMessage().startsWith("failed to start container"), e.getMessage());
    assertTrue(e.hint().contains("Entrypoint"), e.hint());
    assertEquals(List.of(), api.containersLabelled(Map.of(Labels.EXECUTION, r.executionId)));
  }

  @Test
  void networkNoneReachesNothingHostReachesALoopbackServer() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("pong")) {
      // stdin stays open a moment: busybox nc stops reading once its input ends (and -w is
      // unreliable)
      String probe =
          "(printf 'GET / HTTP/1.0\\r\\n\\r\\n'; sleep 1) | nc 127.0.0.1 " + server.port();
      var none = new DockerTestSupport.Run(dir, probe);
      run(none);
      assertFalse(none.out().contains("pong"), none.out());

      var host = new DockerTestSupport.Run(dir, probe);
      host.network = new NetworkConfig("Host", List.of(), List.of());
      assertEquals(0, run(host).exitCode(), host.err());
      assertTrue(host.out().contains("pong"), host.out());
    }
  }

  @Test
  void httpNetworkReachesOnlyAllowedDomainsThroughTheProxy() throws Exception {
    try (LoopbackServer server = LoopbackServer.start("allowed-body")) {
      // The task finds the proxy in http_proxy; nothing else is reachable from its network.
      String viaProxy =
          "p=${http_proxy#http://}; h=${p%:*}; port=${p##*:};"
              + " (printf 'GET http://%s/ HTTP/1.0\\r\\n\\r\\n' \"$1\"; sleep 1) | nc $h $port";
      var allowed = httpRun(viaProxy, "127.0.0.1:" + server.port());
      assertEquals(0, run(allowed).exitCode(), allowed.err());
      assertTrue(allowed.out().contains("allowed-body"), allowed.out());

      var refused = httpRun(viaProxy, "blocked.example:80");
      run(refused);
      assertTrue(refused.out().startsWith("HTTP/1.1 403"), refused.out());

      var direct =
          httpRun(
              "(printf 'GET / HTTP/1.0\\r\\n\\r\\n'; sleep 1) | nc 127.0.0.1 " + server.port(), "");
      run(direct);
      assertFalse(direct.out().contains("allowed-body"), direct.out());
    }
    assertEquals(List.of(), api.networksLabelled(Labels.ofNode(nodeId)));
  }

  private DockerTestSupport.Run httpRun(String script, String arg) {
    var r =
        new DockerTestSupport.Run(dir).param("Parameters", List.of("sh", "-c", script, "sh", arg));
    r.network = new NetworkConfig("HTTP", List.of("127.0.0.1"), List.of());
    return r;
  }

  @Test
  void bridgeModeLimitsMountsAndLabelsAsTheDaemonStoresThem() throws Exception {
    // Docker's default bridge is off on test machines, so this container is created, not run.
    Path data = Files.createDirectories(dir.resolve("in"));
    var r = new DockerTestSupport.Run(dir, "true");
    r.network =
        new NetworkConfig(
            "Bridge",
            List.of(),
            List.of(new io.bacalhau.core.models.PortMapping("web", 18080, 80, "")));
    r.resources = new Resources(1.5, 32L * 1024 * 1024, 0, 0);
    r.inputs.add(new PreparedInput(new InputSource(null, "in", "/in"), data, "/in", false));
    r.results.add(new ResultPath("out", "/out"));
    var request = r.request();
    Map<String, String> labels = Labels.of(nodeId, request.jobId(), r.executionId);
    try (NetworkSetup net =
        NetworkSetup.prepare(api, r.network, "unused", labels, AddressPolicy.embedded(), h -> {})) {
      ContainerPlan plan =
          ContainerPlanner.plan(
              request, DockerParams.from(request.engineSpec()), net, labels, true, GpuDevices.NONE);
      String id = api.create(plan);
      try {
        ContainerView view = api.inspect(id);
        assertEquals("bridge", view.networkMode());
        assertEquals(List.of("80/tcp->0.0.0.0:18080"), view.ports());
        assertEquals(List.of("host.docker.internal:host-gateway"), view.extraHosts());
        assertEquals(1_500_000_000L, view.nanoCpus());
        assertEquals(32L * 1024 * 1024, view.memoryBytes());
        assertEquals(
            List.of(data + ":/in:ro", request.resultsDir().resolve("out") + ":/out:rw"),
            view.binds());
        assertEquals(labels, view.labels());
        assertTrue(
            view.env().contains("BACALHAU_EXECUTION_ID=" + r.executionId), view.env().toString());
      } finally {
        api.remove(id);
      }
    }
  }

  /**
   * An Intel GPU's DRI nodes reach the daemon as device mappings. The machine has no GPU, so its
   * by-path links lead to {@code /dev/zero} and {@code /dev/full}, real device nodes the daemon
   * accepts; the container is created, not run.
   */
  @Test
  void gpuDeviceNodesAreMappedAsTheDaemonStoresThem() throws Exception {
    Path byPath = Files.createDirectories(dir.resolve("dri").resolve("by-path"));
    Files.createSymbolicLink(byPath.resolve("pci-0000:4d:00.0-card"), Path.of("/dev/zero"));
    Files.createSymbolicLink(byPath.resolve("pci-0000:4d:00.0-render"), Path.of("/dev/full"));
    GpuDevices gpus =
        GpuDevices.of(
            List.of(
                new io.bacalhau.core.models.Gpu(
                    0, io.bacalhau.core.models.Gpu.INTEL, "Flex 170", 15473, "0000:4d:00.0")),
            dir.resolve("dri"));
    var r = new DockerTestSupport.Run(dir, "true");
    var request = r.request();
    Map<String, String> labels = Labels.of(nodeId, request.jobId(), r.executionId);
    try (NetworkSetup net =
        NetworkSetup.prepare(api, r.network, "unused", labels, AddressPolicy.embedded(), h -> {})) {
      String id =
          api.create(
              ContainerPlanner.plan(
                  request, DockerParams.from(request.engineSpec()), net, labels, true, gpus));
      try {
        assertEquals(
            List.of("/dev/zero:/dev/zero:rwm", "/dev/full:/dev/full:rwm"),
            api.inspect(id).devices());
      } finally {
        api.remove(id);
      }
    }
  }

  @Test
  void outputIsStreamedWhileTheContainerRuns() throws Exception {
    var r = new DockerTestSupport.Run(dir, "echo first; sleep 2; echo second");
    var request = r.request();
    CompletableFuture<EngineResult> done =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return engine.run(request, ExecutionEvents.NONE);
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!r.out().contains("first") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals("first\n", r.out(), "first line arrives before the container ends");
    assertFalse(done.isDone());
    assertEquals(0, done.get(20, TimeUnit.SECONDS).exitCode());
    assertEquals("first\nsecond\n", new String(r.stdout.toByteArray(), StandardCharsets.UTF_8));
  }
}
