package io.bacalhau.cli.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
  void versionDoesNotLoadPlugins() throws Exception {
    Run version = bacalhau("version");

    assertEquals(0, version.exitCode(), version.toString());
    assertFalse(Files.exists(dataDir.resolve("cache")), "bundled zips were unpacked");
  }
}
