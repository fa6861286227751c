package io.bacalhau.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.jobspec.JobSpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specs past the limits are rejected at submission with exit 5 and the field named: a timeout of
 * 9223372036 s once made a job that never ran, one of 9223372037 s "Error: long overflow" (exit 1),
 * and a spec file over 10 MiB exited 1.
 */
class SpecLimitsTest {
  @TempDir Path dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dataDir);
  }

  private String spec(String timeouts) throws IOException {
    Files.writeString(
        dataDir.resolve("t.yaml"),
        """
        Type: batch
        Tasks:
          - Name: main
            Engine: {Type: noop}
            Timeouts: %s
        """
            .formatted(timeouts));
    return "t.yaml";
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036", "9223372037", "3155760001"})
  void aTimeoutBeyondAHundredYearsIsRejectedNamingTheField(String seconds) throws IOException {
    String file = spec("{TotalTimeout: " + seconds + "}");
    String expected =
        "Tasks[0].Timeouts.TotalTimeout: timeout of "
            + seconds
            + "s is longer than the maximum of 3155760000s (100 years)";

    CliRunner.Result validate = cli.run("job", "validate", file);
    assertEquals(ExitCode.ERROR, validate.exitCode(), validate.toString());
    assertTrue(validate.err().contains(expected), validate.toString());

    CliRunner.Result run = cli.run("job", "run", "--wait-timeout-secs", "5", file);
    assertEquals(ExitCode.JOB_REJECTED, run.exitCode(), run.toString());
    assertTrue(run.err().contains(expected), run.toString());
    assertFalse(run.err().contains("overflow"), run.toString());
    assertEquals("", cli.run("job", "list", "--output", "csv", "--hide-header").out());
  }

  @Test
  void runFlagsAreBoundedToo() throws IOException {
    CliRunner.Result wasm = cli.run("docker", "run", "--timeout", "9223372037", "busybox");
    assertEquals(ExitCode.JOB_REJECTED, wasm.exitCode(), wasm.toString());
    assertTrue(wasm.err().contains("Tasks[0].Timeouts.TotalTimeout: timeout of"), wasm.toString());

    CliRunner.Result wait =
        cli.run("job", "run", "--wait-timeout-secs", "9223372037", spec("{TotalTimeout: 60}"));
    assertEquals(ExitCode.USAGE, wait.exitCode(), wait.toString());
    assertTrue(
        wait.err().contains("--wait-timeout-secs must be from 0 to 3155760000 (100 years)"),
        wait.toString());
    assertEquals("", cli.run("job", "list", "--output", "csv", "--hide-header").out());

    CliRunner.Result get = cli.run("job", "get", "--download-timeout-secs", "876601h", "j-1");
    assertEquals(ExitCode.USAGE, get.exitCode(), get.toString());
    assertTrue(
        get.err()
            .contains(
                "--download-timeout-secs: '876601h' is longer than the maximum of 876600h (100"
                    + " years)"),
        get.toString());
  }

  @Test
  void theNoopEnginesSleepIsBoundedLikeEveryDuration() throws IOException {
    Files.writeString(
        dataDir.resolve("sleep.yaml"),
        """
        Type: batch
        Tasks:
          - Name: main
            Engine: {Type: noop, Params: {SleepMillis: 99999999999999999999}}
        """);
    CliRunner.Result run = cli.run("job", "run", "sleep.yaml");
    assertEquals(ExitCode.JOB_REJECTED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Engine.Params.SleepMillis: at most"), run.toString());
  }

  @Test
  void aSpecFileOverTenMibIsARejectedSpec() throws IOException {
    Path big = dataDir.resolve("big.yaml");
    try (var out = Files.newOutputStream(big)) {
      out.write(new byte[JobSpecParser.MAX_SPEC_BYTES + 1]);
    }
    CliRunner.Result run = cli.run("job", "run", "big.yaml");
    assertEquals(ExitCode.JOB_REJECTED, run.exitCode(), run.toString());
    assertTrue(run.err().contains("a job spec may have at most 10485760 bytes"), run.err());

    CliRunner.Result piped =
        cli.stdin("#".repeat(JobSpecParser.MAX_SPEC_BYTES + 1)).run("job", "run", "-");
    assertEquals(ExitCode.JOB_REJECTED, piped.exitCode(), piped.toString());
  }
}
