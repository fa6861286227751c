package io.bacalhau.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.Scrub;
import io.bacalhau.testing.Approvals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --group-events} on the run commands and {@code job run --dry-run} of a stored job. */
class RunFlagsTest {
  @TempDir Path dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dataDir);
  }

  private Path spec(String name, String stdout) throws IOException {
    Path file = dataDir.resolve(name + ".yaml");
    Files.writeString(
        file,
        """
        Name: %s
        Type: batch
        Count: 1
        Tasks:
          - Name: main
            Engine: {Type: noop, Params: {Stdout: "%s"}}
        """
            .formatted(name, stdout));
    return file;
  }

  @Test
  void groupEventsShowsEachExecutionsEventsUnderItsHeading() throws IOException {
    CliRunner.Result run =
        cli.run("job", "run", "--group-events", spec("grouped", "hi").toString());
    assertEquals(ExitCode.OK, run.exitCode(), run.toString());
    Approvals.verify("job-run-group-events", Scrub.of(run.err()));
  }

  @Test
  void theOtherRunCommandsTakeGroupEventsToo() {
    CliRunner.Result docker =
        cli.run("docker", "run", "--group-events", "--dry-run", "busybox", "--", "true");
    assertEquals(ExitCode.OK, docker.exitCode(), docker.toString());
    CliRunner.Result wasm =
        cli.run("wasm", "run", "--group-events", "--dry-run", "s3://bucket/main.wasm");
    assertEquals(ExitCode.OK, wasm.exitCode(), wasm.toString());
  }

  @Test
  void dryRunOfAStoredJobShowsTheDiff() throws IOException {
    assertEquals(ExitCode.OK, cli.run("job", "run", spec("kept", "old").toString()).exitCode());
    CliRunner.Result changed = cli.run("job", "run", "--dry-run", spec("kept", "new").toString());
    assertEquals(ExitCode.OK, changed.exitCode(), changed.toString());
    Approvals.verify("job-run-dry-run-diff", changed.out());
    assertEquals(
        1,
        cli.run("job", "versions", "kept", "--hide-header", "--no-style")
            .out()
            .strip()
            .lines()
            .count());

    assertEquals(ExitCode.OK, cli.run("job", "run", spec("same", "x").toString()).exitCode());
    CliRunner.Result same = cli.run("job", "run", "--dry-run", spec("same", "x").toString());
    assertEquals(ExitCode.OK, same.exitCode(), same.toString());
    assertEquals("", same.out());
    assertTrue(same.err().contains("Warning: No diff detected."), same.err());
  }

  @Test
  void dryRunOfANewJobPrintsTheJob() throws IOException {
    CliRunner.Result fresh = cli.run("job", "run", "--dry-run", spec("fresh", "x").toString());
    assertEquals(ExitCode.OK, fresh.exitCode(), fresh.toString());
    assertTrue(fresh.out().contains("Name: fresh"), fresh.out());
    assertEquals("", cli.run("job", "list", "--output", "json").out().replace("[]", "").strip());
  }
}
