package io.bacalhau.cli.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.testing.Approvals;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker run} flags become the job spec; no daemon needed for --dry-run. */
class DockerRunCommandTest {
  @TempDir Path dataDir;
  CliRunner cli;

  @BeforeEach
  void setUp() {
    cli = new CliRunner(dataDir);
  }

  @Test
  void dryRunPrintsTheJobWithEveryFlagGroup() {
    CliRunner.Result r =
        cli.run(
            "docker",
            "run",
            "--dry-run",
            "--name",
            "etl",
            "-l",
            "team=ml,canary",
            "--count",
            "2",
            "--constraints",
            "region=eu,zone in (a,b)",
            "-e",
            "A=1",
            "-e",
            "B=two",
            "-i",
            "s3://bucket/in/:/inputs/s3,opt=region=eu-west-1",
            "-i",
            "ipfs://QmCid",
            "-o",
            "outputs:/outputs",
            "-p",
            "local",
            "--cpu",
            "500m",
            "--memory",
            "1Gb",
            "--network",
            "http",
            "--domain",
            "example.com,.pypi.org",
            "--timeout",
            "300",
            "--queue-timeout",
            "60",
            "-w",
            "/work",
            "--entrypoint",
            "/bin/sh",
            "busybox:1.37.0",
            "-c",
            "echo hello > /outputs/x");
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    Approvals.verify("docker-run-dry-run", r.out());
  }

  @Test
  void containerFlagsAfterTheImageBelongToTheContainerWithOrWithoutDashDash() {
    CliRunner.Result plain = cli.run("docker", "run", "--dry-run", "busybox", "sh", "-c", "ls -l");
    CliRunner.Result dashed =
        cli.run("docker", "run", "--dry-run", "busybox", "--", "sh", "-c", "ls -l");
    assertEquals(ExitCode.OK, plain.exitCode(), plain.toString());
    assertEquals(plain.out(), dashed.out());
    assertTrue(plain.out().contains("- \"-c\"\n      - ls -l"), plain.out());
    assertTrue(plain.out().contains("Type: batch"), plain.out());
  }

  @Test
  void targetAllMakesAnOpsJob() {
    CliRunner.Result r = cli.run("docker", "run", "--dry-run", "--target", "all", "busybox");
    assertEquals(ExitCode.OK, r.exitCode(), r.toString());
    assertTrue(r.out().contains("Type: ops"), r.out());
  }

  @Test
  void badFlagsAreUsageErrorsNamingTheFlag() {
    assertUsage("--input 'foo://x': unknown storage schema", "-i", "foo://x", "busybox");
    assertUsage("--output 'nocolon'", "-o", "nocolon", "busybox");
    assertUsage("--network 'wifi'", "--network", "wifi", "busybox");
    assertUsage("--memory 'lots': invalid Memory value", "--memory", "lots", "busybox");
    assertUsage("--cpu '-1'", "--cpu", "-1", "busybox");
    assertUsage("--workdir 'rel'", "-w", "rel", "busybox");
    assertUsage("--target 'some'", "--target", "some", "busybox");
    assertUsage("--count and --concurrency", "--count", "2", "--concurrency", "3", "busybox");
  }

  @Test
  void missingImageIsAUsageError() {
    CliRunner.Result r = cli.run("docker", "run", "--dry-run");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("IMAGE"), r.err());
  }

  private void assertUsage(String expected, String... flags) {
    String[] args = new String[flags.length + 3];
    args[0] = "docker";
    args[1] = "run";
    args[2] = "--dry-run";
    System.arraycopy(flags, 0, args, 3, flags.length);
    CliRunner.Result r = cli.run(args);
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Error: " + expected), r.err());
  }
}
