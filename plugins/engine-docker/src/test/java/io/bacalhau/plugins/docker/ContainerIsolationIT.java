package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.engine.EngineResult;
import io.bacalhau.core.spi.engine.RunRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * The isolation every job container gets, read twice from the real daemon: as {@code docker
 * inspect} (the CLI, not our client) shows the running container's configuration, and as the
 * process inside sees its own capabilities, privileges, cgroup and network.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ContainerIsolationIT {
  /**
   * CHOWN(0) DAC_OVERRIDE(1) FOWNER(3) FSETID(4) KILL(5) SETGID(6) SETUID(7) NET_BIND_SERVICE(10),
   * as /proc/self/status prints the effective set.
   */
  private static final String KEPT_MASK = "00000000000004fb";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
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
                .create(
                    config,
                    new ProviderContext(dir, "n-iso-" + UUID.randomUUID(), System.getenv()));
  }

  @AfterEach
  void tearDown() {
    engine.close();
    api.close();
  }

  @Test
  void aJobContainerIsUnprivilegedCappedAndCutOffAsTheDaemonRunsIt() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("in.txt"), "input");
    Path control = Files.createDirectories(dir.resolve("control"));
    var r =
        new DockerTestSupport.Run(
            dir,
            "grep -E '^(CapEff|NoNewPrivs):' /proc/self/status | tr -d '\\t';",
            "echo pids=$(cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat"
                + " /sys/fs/cgroup/pids.max);",
            "echo nets=$(ls /sys/class/net);",
            "if mknod /tmp/dev c 1 3 2>/dev/null; then echo mknod=allowed; else echo"
                + " mknod=refused; fi;",
            "touch /tmp/f && chown 1:1 /tmp/f && echo chown=ok;",
            "if echo x > /in/new.txt 2>/dev/null; then echo input=writable; else echo"
                + " input=read-only; fi;",
            "while [ ! -e /control/go ]; do sleep 0.1; done");
    r.resources = new Resources(0.5, 64L * 1024 * 1024, 0, 0);
    r.inputs.add(new PreparedInput(new InputSource(null, "in", "/in"), data, "/in", false));
    // The test's own channel into the container: it says when the inspection is done.
    r.inputs.add(
        new PreparedInput(new InputSource(null, "control", "/control"), control, "/control", true));
    r.results.add(new ResultPath("out", "/out"));
    RunRequest request = r.request();

    CompletableFuture<EngineResult> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return engine.run(request, ExecutionEvents.NONE);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            command -> Thread.ofVirtual().start(command));
    JsonNode host;
    try {
      host = dockerInspect(runningContainer(r.executionId)).get("HostConfig");
    } finally {
      Files.createFile(control.resolve("go"));
    }
    EngineResult result = run.get(60, TimeUnit.SECONDS);
    assertEquals(0, result.exitCode(), r.err());

    assertFalse(host.get("Privileged").asBoolean(), host.toString());
    assertEquals(List.of("ALL"), strings(host.get("CapDrop")));
    assertEquals(ContainerSecurity.CAPABILITIES_KEPT, strings(host.get("CapAdd")));
    assertEquals(List.of("no-new-privileges"), strings(host.get("SecurityOpt")));
    assertEquals(ContainerSecurity.PIDS_LIMIT, host.get("PidsLimit").asLong());
    assertEquals(500_000_000L, host.get("NanoCpus").asLong());
    assertEquals(64L * 1024 * 1024, host.get("Memory").asLong());
    assertEquals("none", host.get("NetworkMode").asText());
    assertEquals(
        List.of(
            data + ":/in:ro",
            control + ":/control:rw",
            request.resultsDir().resolve("out") + ":/out:rw"),
        strings(host.get("Binds")),
        "only the inputs' own paths (read-only unless asked) and this execution's results");
    assertTrue(host.path("Devices").isEmpty() || host.get("Devices").isNull(), host.toString());

    String out = r.out();
    assertTrue(out.contains("CapEff:" + KEPT_MASK), out);
    assertTrue(out.contains("NoNewPrivs:1"), out);
    assertTrue(out.contains("pids=" + ContainerSecurity.PIDS_LIMIT), out);
    assertTrue(out.contains("nets=lo\n"), "only the loopback interface: " + out);
    assertTrue(out.contains("mknod=refused"), out);
    assertTrue(out.contains("chown=ok"), "root still owns files as images expect: " + out);
    assertTrue(out.contains("input=read-only"), out);
    assertFalse(Files.exists(data.resolve("new.txt")));
  }

  private String runningContainer(String executionId) throws InterruptedException {
    Map<String, String> mine = Map.of(Labels.EXECUTION, executionId);
    for (int i = 0; i < 400; i++) {
      List<String> ids = api.containersLabelled(mine);
      if (!ids.isEmpty() && api.inspect(ids.getFirst()).running()) {
        return ids.getFirst();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the job's container never ran");
  }

  /** The daemon's own record of the container, through the docker CLI. */
  private static JsonNode dockerInspect(String id) throws Exception {
    Process p = new ProcessBuilder("docker", "inspect", id).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    return JSON.readTree(out).get(0);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }
}
