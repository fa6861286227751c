package io.bacalhau.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which source wins, end to end: {@code -c key=value} > dedicated flag > {@code BACALHAU_*} >
 * config files (later {@code -c} file wins) > default. Each pair is set up with both sources
 * present and {@code config get API.Host} must show the stronger one.
 */
class ConfigPrecedenceTest {
  @TempDir Path dataDir;
  CliRunner cli;

  /** One place a value can come from. */
  enum Source {
    DEFAULT,
    DATA_DIR_FILE,
    FIRST_C_FILE,
    SECOND_C_FILE,
    ENV,
    FLAG,
    OVERRIDE
  }

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dataDir);
  }

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of(Source.DATA_DIR_FILE, Source.DEFAULT),
        Arguments.of(Source.FIRST_C_FILE, Source.DEFAULT),
        Arguments.of(Source.SECOND_C_FILE, Source.FIRST_C_FILE),
        Arguments.of(Source.FIRST_C_FILE, Source.DATA_DIR_FILE),
        Arguments.of(Source.ENV, Source.DEFAULT),
        Arguments.of(Source.ENV, Source.DATA_DIR_FILE),
        Arguments.of(Source.ENV, Source.SECOND_C_FILE),
        Arguments.of(Source.FLAG, Source.DEFAULT),
        Arguments.of(Source.FLAG, Source.DATA_DIR_FILE),
        Arguments.of(Source.FLAG, Source.FIRST_C_FILE),
        Arguments.of(Source.FLAG, Source.ENV),
        Arguments.of(Source.OVERRIDE, Source.DEFAULT),
        Arguments.of(Source.OVERRIDE, Source.DATA_DIR_FILE),
        Arguments.of(Source.OVERRIDE, Source.SECOND_C_FILE),
        Arguments.of(Source.OVERRIDE, Source.ENV));
  }

  @ParameterizedTest(name = "{0} beats {1}")
  @MethodSource("pairs")
  void strongerSourceWins(Source stronger, Source weaker) throws Exception {
    List<String> args = new ArrayList<>();
    for (Source s : List.of(weaker, stronger)) {
      apply(s, args);
    }
    args.addAll(List.of("config", "get", "api.host"));
    CliRunner.Result r = cli.run(args.toArray(String[]::new));
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertEquals(valueOf(stronger), r.out().strip(), r.toString());
  }

  private void apply(Source source, List<String> args) throws Exception {
    switch (source) {
      case DEFAULT -> {}
      case DATA_DIR_FILE ->
          Files.writeString(dataDir.resolve("config.yaml"), "API:\n  Host: data-dir-file\n");
      case FIRST_C_FILE -> {
        Path f = Files.writeString(dataDir.resolve("first.yaml"), "api:\n  host: first-file\n");
        args.addAll(0, List.of("-c", f.toString()));
      }
      case SECOND_C_FILE -> {
        Path first = Files.writeString(dataDir.resolve("first.yaml"), "API: {Host: first-file}\n");
        Path second = Files.writeString(dataDir.resolve("second.yml"), "API: {Host: second}\n");
        if (!args.contains(first.toString())) {
          args.addAll(List.of("-c", first.toString()));
        }
        args.addAll(List.of("--config", second.toString()));
      }
      case ENV -> cli.env("BACALHAU_API_HOST", "from-env");
      case FLAG -> args.addAll(List.of("--api-host", "from-flag"));
      case OVERRIDE -> args.addAll(List.of("-c", "API.Host=from-override"));
    }
  }

  private static String valueOf(Source source) {
    return switch (source) {
      case DEFAULT -> "127.0.0.1";
      case DATA_DIR_FILE -> "data-dir-file";
      case FIRST_C_FILE -> "first-file";
      case SECOND_C_FILE -> "second";
      case ENV -> "from-env";
      case FLAG -> "from-flag";
      case OVERRIDE -> "from-override";
    };
  }

  @Test
  void anOverrideAndItsOwnFlagTogetherAreAUsageError() {
    CliRunner.Result r =
        cli.run("--api-port", "1", "-c", "API.Port=2", "config", "get", "API.Port");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(
        r.err().contains("--api-port and config flag key \"API.Port\" cannot both be provided"),
        r.err());
  }

  @Test
  void environmentNamesAreTheKeyUpperCasedWithUnderscores() {
    CliRunner env =
        cli.env("BACALHAU_API_PORT", "9999")
            .env("BACALHAU_DISABLEANALYTICS", "true")
            .env("BACALHAU_JOBDEFAULTS_BATCH_TASK_RESOURCES_CPU", "2")
            .env("BACALHAU_COMPUTE_ORCHESTRATORS", "nats://a:1,nats://b:2")
            .env("BACALHAU_LABELS", "zone=eu");
    assertEquals("9999", env.run("config", "get", "API.Port").out().strip());
    assertEquals("true", env.run("config", "get", "DisableAnalytics").out().strip());
    assertEquals(
        "2", env.run("config", "get", "JobDefaults.Batch.Task.Resources.CPU").out().strip());
    assertEquals(
        "nats://a:1,nats://b:2", env.run("config", "get", "Compute.Orchestrators").out().strip());
    assertEquals("zone=eu", env.run("config", "get", "labels").out().strip());
  }

  @Test
  void aBadEnvironmentValueIsAnErrorNamingTheVariable() {
    CliRunner.Result r = cli.env("BACALHAU_API_PORT", "high").run("config", "list");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("BACALHAU_API_PORT"), r.err());
    assertTrue(r.err().contains("'high' is not a port number from 1 to 65535"), r.err());
  }

  @Test
  void keysAreCaseInsensitiveInEveryPlace() throws Exception {
    Files.writeString(dataDir.resolve("config.yaml"), "api:\n  port: 1111\n");
    assertEquals("1111", cli.run("config", "get", "API.PORT").out().strip());
    assertEquals("2222", cli.run("-c", "Api.Port=2222", "config", "get", "api.port").out().strip());
    assertEquals(ExitCode.OK, cli.run("config", "set", "aPi.pOrT=3333").exitCode());
    assertEquals("api:\n  port: 3333\n", Files.readString(dataDir.resolve("config.yaml")));
  }

  @Test
  void dataDirComesFromTheFlagTheEnvironmentOrAnOverride() throws Exception {
    Path other = Files.createDirectories(dataDir.resolve("other"));
    Files.writeString(other.resolve("config.yaml"), "API:\n  Port: 7777\n");
    CliRunner noEnv = new CliRunner(dataDir).withoutEnv("BACALHAU_DIR");
    assertEquals(
        "7777",
        noEnv.run("--data-dir", other.toString(), "config", "get", "API.Port").out().strip());
    assertEquals(
        "7777", noEnv.run("-c", "DataDir=" + other, "config", "get", "API.Port").out().strip());
    assertEquals(
        "7777",
        noEnv.env("BACALHAU_DIR", other.toString()).run("config", "get", "API.Port").out().strip());
    assertEquals(
        dataDir.resolve(".bacalhau").toString(),
        new CliRunner(dataDir)
            .withoutEnv("BACALHAU_DIR")
            .run("config", "get", "DataDir")
            .out()
            .strip(),
        "default ~/.bacalhau under the test's HOME");
  }
}
