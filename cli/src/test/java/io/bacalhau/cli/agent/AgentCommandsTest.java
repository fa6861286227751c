package io.bacalhau.cli.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.codec.Codecs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent commands answered by the embedded node, in Bacalhau's formats. */
class AgentCommandsTest {
  @TempDir Path dataDir;

  private CliRunner.Result run(String... args) {
    return new CliRunner(dataDir).run(args);
  }

  @Test
  void aliveSaysStatusOk() throws Exception {
    CliRunner.Result alive = run("agent", "alive");
    assertEquals(ExitCode.OK, alive.exitCode(), alive.toString());
    assertEquals("Status: OK\n", alive.out());
    assertEquals(
        "OK",
        Codecs.json()
            .readTree(run("agent", "alive", "--output", "json").out())
            .path("Status")
            .asText());
  }

  @Test
  void versionPrintsThreeLinesOrTheBuildVersionInfo() throws Exception {
    CliRunner.Result text = run("agent", "version");
    assertEquals(ExitCode.OK, text.exitCode(), text.toString());
    String[] lines = text.out().split("\n");
    assertEquals(3, lines.length, text.toString());
    assertTrue(lines[0].startsWith("Bacalhau v"), text.toString());
    assertTrue(
        lines[1].matches("BuildDate \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\+0000 UTC"),
        text.toString());
    assertTrue(lines[2].startsWith("GitCommit"), text.toString());

    var json = Codecs.json().readTree(run("agent", "version", "--output", "json").out());
    assertEquals(lines[0].substring("Bacalhau ".length()), json.path("GitVersion").asText());
    assertTrue(json.has("GOOS") && json.has("GOARCH") && json.has("BuildDate"), json.toString());
    assertTrue(run("agent", "version", "--output", "yaml").out().contains("GitVersion: "));
  }

  @Test
  void nodeShowsWhatTheNodeAdvertises() {
    CliRunner.Result node = run("agent", "node");
    assertEquals(ExitCode.OK, node.exitCode(), node.toString());
    assertTrue(node.out().startsWith("NodeID: n-"), node.toString());
    assertTrue(node.out().contains("ExecutionEngines:"), node.toString());
    assertTrue(node.out().contains("BacalhauVersion:"), node.toString());
  }

  @Test
  void configMasksEverySecret() throws Exception {
    CliRunner.Result config =
        run(
            "-c",
            "Orchestrator.Auth.Token=sup3rsecret",
            "-c",
            "Labels=team=data",
            "agent",
            "config");
    assertEquals(ExitCode.OK, config.exitCode(), config.toString());
    assertTrue(config.out().contains("********"), config.toString());
    assertTrue(config.out().contains("team: data"), config.toString());
    assertFalse(config.out().contains("sup3rsecret"), config.toString());
    assertFalse(config.err().contains("sup3rsecret"), config.toString());

    var json =
        Codecs.json()
            .readTree(
                run(
                        "-c",
                        "Orchestrator.Auth.Token=sup3rsecret",
                        "agent",
                        "config",
                        "--output",
                        "json")
                    .out());
    assertEquals(
        "********", json.path("Orchestrator").path("Auth").path("Token").asText(), json.toString());
  }
}
