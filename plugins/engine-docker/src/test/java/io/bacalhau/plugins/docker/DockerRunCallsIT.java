package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.engine.EngineResult;
import io.bacalhau.testing.RealServices;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one run asks the real daemon once the engine is warm: each daemon call costs a node's job
 * time, so a run makes only the calls it needs and waits for the exit instead of polling.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DockerRunCallsIT {
  @TempDir Path dir;
  final String nodeId = "n-it-" + UUID.randomUUID();
  DaemonCallRecorder recorder;
  DockerEngine engine;

  @BeforeAll
  static void daemon() throws Exception {
    DockerTestSupport.requireDaemonAndImage();
  }

  @BeforeEach
  void setUp() throws Exception {
    String host = DockerConfig.defaults().resolveHost(System.getenv());
    RealServices.require(
        host.startsWith("unix://"), "the call recorder fronts a unix socket; DOCKER_HOST=" + host);
    recorder = DaemonCallRecorder.start(Path.of(host.substring("unix://".length())));
    engine =
        (DockerEngine)
            new DockerEngineFactory()
                .create(
                    new DockerConfig(recorder.host(), null, null, null, null),
                    new ProviderContext(dir, nodeId, Map.of()));
  }

  @AfterEach
  void tearDown() throws Exception {
    engine.close();
    recorder.close();
  }

  private EngineResult run(DockerTestSupport.Run run) throws Exception {
    return engine.run(run.request(), ExecutionEvents.NONE);
  }

  @Test
  void aWarmRunInspectsTheImageOnceListsNothingAndWaitsForTheExit() throws Exception {
    assertEquals(EngineResult.exited(0), run(new DockerTestSupport.Run(dir, "true")));
    recorder.takeCalls();
    recorder.takeConnections();

    DockerTestSupport.Run second = new DockerTestSupport.Run(dir, "exit 3");
    assertEquals(EngineResult.exited(3), run(second));
    List<String> calls = recorder.takeCalls();

    String image = "GET /images/" + DockerTestSupport.IMAGE + "/json";
    assertEquals(1, calls.stream().filter(image::equals).count(), "one image inspect: " + calls);
    for (String needless : List.of("GET /version", "GET /info", "GET /_ping")) {
      assertFalse(calls.contains(needless), needless + " on every run: " + calls);
    }
    assertFalse(
        calls.stream().anyMatch(c -> c.startsWith("GET /containers/json")),
        "containers listed on every run: " + calls);
    assertFalse(
        calls.stream().anyMatch(c -> c.startsWith("GET /networks")),
        "networks listed on every run: " + calls);
    assertEquals(
        1,
        calls.stream().filter(c -> c.matches("POST /containers/[0-9a-f]+/wait")).count(),
        "the exit is waited for, once: " + calls);
    assertTrue(
        calls.stream().filter(c -> c.matches("GET /containers/[0-9a-f]+/json")).count() <= 1,
        "the container is not polled: " + calls);
    assertTrue(
        recorder.takeConnections() <= 3,
        "the client's pooled connections are reused; new ones only for the streams");
  }

  /**
   * Output lines arrived twice on a loaded machine: the attach asked for a replay of the log as
   * well as the live stream, and the daemon reads that replay only after it has answered the
   * attach, by when the started container may have written (live, and to its log) its first lines.
   * The live stream alone has every byte: the daemon joins it before it answers.
   */
  @Test
  void outputIsAttachedLiveWithoutAReplayOfTheLogSoNoLineArrivesTwice() throws Exception {
    DockerTestSupport.Run r = new DockerTestSupport.Run(dir, "echo line; printf tail");
    assertEquals(EngineResult.exited(0), run(r));
    assertEquals("line\ntail", r.out());
    List<String> attaches = recorder.queriesOf("POST /containers/");
    attaches.removeIf(q -> !q.contains("stream="));
    assertEquals(1, attaches.size(), "one attach: " + attaches);
    String query = attaches.getFirst();
    assertTrue(query.contains("stream=true") || query.contains("stream=1"), query);
    assertFalse(query.contains("logs=true") || query.contains("logs=1"), "log replayed: " + query);
  }

  /**
   * Another cleaner (a second process of the node starting, or the daemon finishing a removal the
   * dead process asked for) removed a leftover between our listing and our inspect: the 404 was
   * logged as a failure to remove it. The recorder holds the listing back while it goes.
   */
  @Test
  void aLeftoverRemovedByAnotherCleanerMeanwhileIsNoFailure() throws Exception {
    String host = DockerConfig.defaults().resolveHost(System.getenv());
    Map<String, String> labels = new java.util.HashMap<>(Labels.of(nodeId, "j-old", "e-gone"));
    labels.put(Labels.OWNER, Owner.current().host() + ":999999999:1"); // a process that died
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stderr = System.err;
    try (DockerApi direct = DockerApi.connect(host, Duration.ofSeconds(30));
        DockerApi fronted = DockerApi.connect(recorder.host(), Duration.ofSeconds(30))) {
      String id =
          direct.create(
              new ContainerPlan(
                  "bacalhau-it-gone-" + UUID.randomUUID(),
                  DockerTestSupport.IMAGE,
                  List.of(),
                  List.of("true"),
                  List.of(),
                  "",
                  List.of(),
                  0,
                  0,
                  GpuDevices.NONE,
                  "none",
                  List.of(),
                  List.of(),
                  labels));
      recorder.takeCalls();
      recorder.slowDown("GET /containers/json", Duration.ofSeconds(2));
      // slf4j-simple writes to the System.err of the moment: what an operator reads
      System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
      var cleaning =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> Leftovers.clean(fronted, Labels.ofNode(nodeId)));
      recorder.awaitCall("GET /containers/json");
      Thread.sleep(300); // the daemon has listed it; its answer waits in the recorder
      direct.remove(id); // the other cleaner
      cleaning.get(30, TimeUnit.SECONDS);
      assertTrue(
          recorder.takeCalls().stream().anyMatch(c -> c.equals("GET /containers/" + id + "/json")),
          "the listing named the container and the cleaner looked at it");
      assertEquals(List.of(), direct.containersLabelled(Labels.ofNode(nodeId)));
    } finally {
      System.setErr(stderr);
    }
    String logged = log.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertFalse(logged.contains("WARN"), "a container already gone logged as a failure: " + logged);
  }

  @Test
  void aContainerLeftByACrashedRunOfTheSameExecutionIsReplaced() throws Exception {
    DockerTestSupport.Run run = new DockerTestSupport.Run(dir, "echo fresh");
    var request = run.request();
    Map<String, String> labels =
        new java.util.HashMap<>(Labels.of(nodeId, request.jobId(), request.executionId()));
    labels.put(Labels.OWNER, Owner.current().host() + ":999999999:1"); // a process that is gone
    try (DockerApi api =
        DockerApi.connect(DockerConfig.defaults().resolveHost(System.getenv()), Duration.ZERO)) {
      String stale =
          api.create(
              new ContainerPlan(
                  ContainerPlanner.containerName(request),
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
                  labels));
      try {
        assertEquals(EngineResult.exited(0), engine.run(request, ExecutionEvents.NONE));
        assertEquals("fresh\n", run.out());
        assertFalse(api.containersLabelled(Map.of()).contains(stale), "stale container removed");
      } finally {
        api.remove(stale);
      }
    }
  }

  @Test
  void aStopWhileTheDaemonCreatesTheContainerEndsTheRunAndLeavesNoContainer() throws Exception {
    recorder.slowDown("POST /containers/create", Duration.ofMillis(1500));
    DockerTestSupport.Run run = new DockerTestSupport.Run(dir, "sleep 60");
    var request = run.request();
    java.util.concurrent.atomic.AtomicReference<Object> outcome =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread runner =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    outcome.set(engine.run(request, ExecutionEvents.NONE));
                  } catch (Throwable t) {
                    outcome.set(t);
                  }
                });
    recorder.awaitCall("POST /containers/create");
    runner.interrupt();
    assertTrue(runner.join(Duration.ofSeconds(10)), "the run did not end after a stop");
    assertTrue(
        outcome.get() instanceof InterruptedException,
        "a stop is an InterruptedException, got " + outcome.get());
    try (DockerApi api =
        DockerApi.connect(DockerConfig.defaults().resolveHost(System.getenv()), Duration.ZERO)) {
      assertEquals(
          List.of(),
          api.containersLabelled(Map.of(Labels.EXECUTION, request.executionId())),
          "the container the daemon made was removed");
    }
  }
}
