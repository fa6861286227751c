package io.bacalhau.cli.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalhau.core.plugin.TestPlugins;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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

  private record Run(int exitCode, String out, String err) {}

  private Run bacalhau(String... args) throws IOException, InterruptedException {
    Path dist = Path.of(System.getProperty("bacalhau.dist", "target/bacalhau")).toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Dbacalhau.home=" + dist);
    command.add("-cp");
    command.add(dist.resolve("lib") + "/*");
    command.add("io.bacalhau.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("BACALHAU_DIR", dataDir.toString());
    pb.environment().put("HOME", dataDir.toString());
    Path out = dataDir.resolve("out.txt");
    Path err = dataDir.resolve("err.txt");
    Process process = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bacalhau " + String.join(" ", args));
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
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
