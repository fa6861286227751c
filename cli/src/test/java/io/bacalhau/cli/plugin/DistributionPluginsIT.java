package io.bacalhau.cli.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalhau.cli.Distribution;
import io.bacalhau.cli.Distribution.Run;
import io.bacalhau.core.plugin.TestPlugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution (cli/target/bacalhau: lib/ + plugins/), run as its launcher runs it:
 * the bundled plugin zips load from plugins/ and a third-party jar from the data dir runs a job.
 */
class DistributionPluginsIT {
  private static final List<String> BUNDLED =
      List.of("analytics-otel", "engine-docker", "engine-wasm", "publisher-ipfs", "publisher-s3");

  @TempDir Path dataDir;

  private Run bacalhau(String... args) throws IOException, InterruptedException {
    return new Distribution(dataDir, dataDir).run(args);
  }

  @Test
  void theDistributionLoadsEveryBundledPlugin() throws Exception {
    Run list = bacalhau("plugin", "list", "--output", "json");

    assertEquals(0, list.exitCode(), list.toString());
    assertFalse(list.err().contains("Warning"), list.err());
    Map<String, String> states = new TreeMap<>();
    for (JsonNode plugin : new ObjectMapper().readTree(list.out())) {
      states.put(plugin.get("ID").asText(), plugin.get("State").asText());
    }
    for (String id : BUNDLED) {
      assertEquals("started", states.get(id), id + " in " + list.out());
    }
    assertEquals("started", states.get("builtin"), list.out());
  }

  @Test
  void aThirdPartyPluginRunsAJobThroughThePackagedLauncher() throws Exception {
    TestPlugins.exec().jar(Files.createDirectories(dataDir.resolve("plugins")));
    Path spec = dataDir.resolve("exec.yaml");
    Files.writeString(
        spec,
        """
        Name: packaged-exec
        Type: batch
        Count: 1
        Tasks:
          - Name: main
            Engine:
              Type: exec
              Params:
                Command: "echo packaged"
        """);

    Run run = bacalhau("job", "run", spec.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("packaged\n", bacalhau("job", "logs", "packaged-exec").out());
  }

  @Test
  void aPluginWhoseTypeOverflowsTheStackCostsOneWarningInEveryCommand() throws Exception {
    TestPlugins.overflowing("deep", "type")
        .jar(Files.createDirectories(dataDir.resolve("plugins")));
    Path hello = Path.of("../plugins/engine-wasm/examples/hello.wasm").toAbsolutePath();
    Path noop = Path.of("../config/examples/noop.yaml").toAbsolutePath();

    for (String[] args :
        new String[][] {
          {"plugin", "list"}, {"job", "run", noop.toString()}, {"wasm", "run", hello.toString()}
        }) {
      Run run = bacalhau(args);
      String what = String.join(" ", args) + ": " + run;
      assertEquals(0, run.exitCode(), what);
      assertEquals(1, run.err().lines().filter(l -> l.startsWith("Warning: ")).count(), what);
      assertTrue(
          run.err()
              .contains(
                  "Warning: plugin 'overflow-type' ("
                      + dataDir.resolve("plugins/overflow-type.jar")
                      + "): com.example.overflow_type.Factory failed: StackOverflowError in"
                      + " EngineFactory.type()"),
          what);
      assertFalse(run.err().contains("\tat "), what);
    }
  }

  @Test
  void librariesDoNotLogIntoACommandUnlessDebugIsAskedFor() throws Exception {
    // Docker's HTTP client logs each retry against an absent daemon at info level.
    Map<String, String> noDaemon = Map.of("DOCKER_HOST", "unix://" + dataDir.resolve("none.sock"));
    Path spec = Path.of("../config/examples/docker.yaml").toAbsolutePath();
    Distribution cli = new Distribution(dataDir, dataDir);

    Run quiet = cli.run(noDaemon, "job", "run", spec.toString());
    assertTrue(quiet.err().contains("Docker daemon not reachable"), quiet.toString());
    assertFalse(quiet.err().contains("org.apache"), quiet.err());

    Run debug = cli.run(noDaemon, "-c", "Logging.Level=debug", "job", "run", spec.toString());
    assertTrue(debug.err().contains("DEBUG org.apache"), debug.toString());
  }

  @Test
  void versionDoesNotLoadPlugins() throws Exception {
    Run version = bacalhau("version");

    assertEquals(0, version.exitCode(), version.toString());
    assertFalse(Files.exists(dataDir.resolve("cache")), "bundled zips were unpacked");
  }
}
