package io.bacalhau.bench.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short variant of {@code bench/crash-cluster.sh}: the orchestrator, a compute node and the
 * NATS broker each killed with SIGKILL mid-burst (the compute node back at a random moment, before
 * or after the disconnect timeout), then the orchestrator once more while jobs run, lose, strand,
 * double and damage nothing the orchestrator acknowledged, and the cluster heals by itself each
 * time.
 */
class ClusterCrashHarnessIT {
  /** Every kind of kill: the first three rounds are mid-burst, the fourth while jobs run. */
  private static final ClusterFaults FAULTS = ClusterFaults.all("5s");

  private static final int ROUNDS = ClusterTarget.values().length + 1;

  @TempDir Path dir;

  @Test
  void aClusterWithEachProcessKilledOnceKeepsEveryAcknowledgedJob() throws Exception {
    Path dist = Path.of(System.getProperty("bacalhau.dist", "../cli/target/bacalhau"));
    boolean required = Boolean.getBoolean("bacalhau.requireRealServices");
    assumeTrue(
        required || Files.isDirectory(dist.resolve("lib")),
        "no packaged distribution at " + dist + " (package the cli module first)");
    assumeTrue(
        required || natsServerInstalled(),
        "no nats-server on the PATH or in /usr/sbin (Debian: apt-get install nats-server)");
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    boolean clean;
    try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
      clean =
          ClusterCrashHarness.run(
              dist.toAbsolutePath(),
              dir,
              ROUNDS,
              Long.MAX_VALUE,
              new Iteration.Settings(2, 3, 0, 60),
              FAULTS,
              out);
    }
    String text = report.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    assertTrue(clean, text);
    assertTrue(text.contains("kills-per-target={ORCHESTRATOR=2, COMPUTE=1, BROKER=1}"), text);
  }

  private static boolean natsServerInstalled() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/sbin"))
        .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "nats-server")));
  }
}
