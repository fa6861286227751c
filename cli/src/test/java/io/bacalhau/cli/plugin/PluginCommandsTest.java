package io.bacalhau.cli.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.plugin.TestPlugins;
import io.bacalhau.core.version.BuildInfo;
import io.bacalhau.testing.Approvals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Third-party plugins dropped into {@code <DataDir>/plugins}, seen through the CLI. */
class PluginCommandsTest {
  @TempDir Path dataDir;
  CliRunner cli;
  Path plugins;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliRunner(dataDir);
    plugins = Files.createDirectories(dataDir.resolve("plugins"));
  }

  private Path spec(String name, String engine) throws IOException {
    Path file = dataDir.resolve(name + ".yaml");
    Files.writeString(
        file,
        """
        Name: %s
        Type: batch
        Count: 1
        Tasks:
          - Name: main
            Engine:
              %s
        """
            .formatted(name, engine));
    return file;
  }

  private static long count(String text, String part) {
    return text.lines().filter(l -> l.contains(part)).count();
  }

  @Test
  void aThirdPartyExecEngineRunsAJobEndToEnd() throws IOException {
    TestPlugins.exec().jar(plugins);
    Path spec =
        spec(
            "exec-hello",
            "Type: exec\n      Params:\n        Command: \"echo hello from exec; pwd > where.txt\"");

    CliRunner.Result run = cli.run("job", "run", spec.toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertFalse(run.err().contains("Warning"), run.err());
    CliRunner.Result logs = cli.run("job", "logs", "exec-hello");
    assertEquals("hello from exec\n", logs.out(), logs.toString());
    String history = cli.run("job", "history", "exec-hello", "--wide", "--no-style").out();
    assertTrue(history.contains("Running echo hello from exec; pwd > where.txt in "), history);
    assertTrue(history.contains("Exited with 0"), history);
    assertTrue(history.contains("Completed successfully"), history);
  }

  @Test
  void aTypeNobodyProvidesIsRejectedBeforeAnythingRuns() throws IOException {
    TestPlugins.exec().jar(plugins);

    CliRunner.Result run = cli.run("job", "run", spec("flibble", "Type: flibble").toString());

    assertEquals(ExitCode.JOB_REJECTED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("no engine 'flibble'; available: exec, noop"), run.err());
    assertEquals("", cli.run("job", "list", "--hide-header").out().strip());
  }

  @Test
  void aTypeThatCannotRunHereIsRejectedWithItsReason() throws IOException {
    TestPlugins.uninstalledEngine().jar(plugins);

    CliRunner.Result run = cli.run("job", "run", spec("gpu", "Type: gpu-only").toString());

    assertEquals(ExitCode.JOB_REJECTED, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("engine 'gpu-only' cannot run here: no GPU on this machine"), run.err());
    assertTrue(
        cli.run("plugin", "list", "--no-style")
            .out()
            .matches(
                "(?s).*gpu-engine +1\\.0\\.0 +started +engine:gpu-only +no: no GPU on this machine\n.*"));
  }

  @Test
  void aBrokenPluginIsOneWarningAndJobsStillRun() throws IOException {
    Files.writeString(plugins.resolve("broken.jar"), "this is not a jar");
    TestPlugins.throwingFactory().jar(plugins);

    CliRunner.Result run = cli.run("job", "run", spec("still-fine", "Type: noop").toString());

    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    assertEquals(1, count(run.err(), "Warning: plugin 'broken.jar' ("), run.err());
    assertEquals(1, count(run.err(), "Warning: plugin 'throwing' ("), run.err());
    assertTrue(run.err().contains("cannot reach the licence server"), run.err());
  }

  @Test
  void anEngineThatOverflowsTheStackFailsItsJobWithOneErrorLine() throws IOException {
    TestPlugins.overflowing("deep", "run").jar(plugins);

    CliRunner.Result run = cli.run("job", "run", spec("deep-run", "Type: deep").toString());

    assertEquals(ExitCode.JOB_FAILED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("StackOverflowError in Engine.run()"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertEquals(
        ExitCode.OK, cli.run("job", "run", spec("after", "Type: noop").toString()).exitCode());
  }

  @Test
  void anEngineThatOverflowsTheStackWhenCreatedRejectsItsJobNamingThePlugin() throws IOException {
    TestPlugins.overflowing("deep", "create").jar(plugins);

    CliRunner.Result run = cli.run("job", "run", spec("deep-create", "Type: deep").toString());

    assertEquals(ExitCode.JOB_REJECTED, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .contains(
                "engine 'deep' of plugin 'overflow-create' could not be created: StackOverflowError"
                    + " in EngineFactory.create()"),
        run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void pluginListShowsEveryPluginItsStateAndWhatItProvides() throws IOException {
    TestPlugins.exec().jar(plugins);
    TestPlugins.publisher("carrier-pigeon", "pigeon").zip(plugins);
    TestPlugins.publisher("future", "future")
        .descriptor("Plugin-Requires", ">=99.0.0")
        .jar(plugins);
    CliRunner disabled = cli.env("BACALHAU_PLUGINS_DISABLED", "carrier-pigeon");

    CliRunner.Result list = disabled.run("plugin", "list");

    assertEquals(ExitCode.OK, list.exitCode(), list.toString());
    // The core version (the built-in providers' and the one in a reason) keeps its width.
    String version = BuildInfo.current().version();
    Approvals.verify(
        "plugin-list",
        list.out()
            .replace(version, String.format("%-" + version.length() + "s", "<v>"))
            .lines()
            .map(String::stripTrailing)
            .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
    assertEquals(1, count(list.err(), "Warning: plugin 'future'"), list.err());
  }

  @Test
  void pluginListAndInfoPrintJsonAndYaml() throws IOException {
    TestPlugins.exec().jar(plugins);

    CliRunner.Result json = cli.run("plugin", "list", "--output", "json");
    JsonNode all = new ObjectMapper().readTree(json.out());
    assertEquals("builtin", all.get(0).get("ID").asText(), json.out());
    JsonNode exec = all.get(1);
    assertEquals("exec-engine", exec.get("ID").asText());
    assertEquals("started", exec.get("State").asText());
    assertEquals("engine", exec.get("Provides").get(0).get("Kind").asText());
    assertEquals("exec", exec.get("Provides").get(0).get("Type").asText());
    assertTrue(exec.get("Provides").get(0).get("Installed").asBoolean());

    CliRunner.Result yaml = cli.run("plugin", "info", "exec-engine", "--output", "yaml");
    assertEquals(ExitCode.OK, yaml.exitCode(), yaml.toString());
    assertTrue(yaml.out().startsWith("ID: exec-engine\n"), yaml.out());

    CliRunner.Result info = cli.run("plugin", "info", "exec-engine");
    assertTrue(info.out().contains("Provides     engine:exec  installed: yes"), info.out());
    assertTrue(
        info.out().contains("Path         " + plugins.resolve("exec-engine.jar")), info.out());
  }

  @Test
  void pluginsDirAndDisabledComeFromTheConfiguration() throws IOException {
    Path elsewhere = Files.createDirectories(dataDir.resolve("team-plugins"));
    TestPlugins.exec().jar(elsewhere);
    TestPlugins.publisher("carrier-pigeon", "pigeon").jar(elsewhere);

    CliRunner.Result list =
        cli.run(
            "plugin",
            "list",
            "--output",
            "json",
            "-c",
            "Plugins.Dir=" + elsewhere,
            "-c",
            "Plugins.Disabled=carrier-pigeon");

    assertEquals(ExitCode.OK, list.exitCode(), list.toString());
    JsonNode all = new ObjectMapper().readTree(list.out());
    // In file name order after the built-in providers.
    assertEquals("carrier-pigeon", all.get(1).get("ID").asText(), list.out());
    assertEquals("disabled", all.get(1).get("State").asText());
    assertEquals("exec-engine", all.get(2).get("ID").asText());
    assertEquals("started", all.get(2).get("State").asText());
    assertEquals(3, all.size(), list.out());
  }

  @Test
  void infoOfAnUnknownPluginNamesTheKnownOnes() throws IOException {
    TestPlugins.exec().jar(plugins);

    CliRunner.Result info = cli.run("plugin", "info", "flibble");

    assertEquals(ExitCode.ERROR, info.exitCode(), info.toString());
    assertTrue(info.err().contains("no plugin 'flibble'; known: builtin, exec-engine"), info.err());
    assertTrue(info.err().contains("bacalhau plugin list"), info.err());
  }

  @Test
  void versionHelpCompletionAndConfigDoNotLoadPlugins() throws IOException {
    Files.writeString(plugins.resolve("broken.jar"), "this is not a jar");
    TestPlugins.publisher("carrier-pigeon", "pigeon").zip(plugins);

    for (String[] args :
        new String[][] {
          {"version"},
          {"--help"},
          {"job", "--help"},
          {"plugin", "--help"},
          {"completion", "bash"},
          {"config", "list"}
        }) {
      CliRunner.Result result = cli.run(args);
      assertEquals(ExitCode.OK, result.exitCode(), result.toString());
      assertFalse(result.err().contains("Warning"), String.join(" ", args) + ": " + result.err());
    }
    // Loading would have unpacked the zip.
    assertFalse(Files.exists(dataDir.resolve("cache/plugins")));

    assertTrue(cli.run("plugin", "list").err().contains("Warning: plugin 'broken.jar'"));
    assertTrue(Files.exists(dataDir.resolve("cache/plugins")));
  }
}
