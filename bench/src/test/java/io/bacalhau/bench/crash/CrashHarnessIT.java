package io.bacalhau.bench.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bacalhau.bench.ServedNode;
import io.bacalhau.bench.crash.Verdict.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short variant of {@code bench/crash.sh}: the packaged {@code bacalhau serve} killed with
 * SIGKILL once at each kill point (mid-burst, mid-execution, after stops, after reruns) loses,
 * strands, doubles and damages nothing it acknowledged.
 */
class CrashHarnessIT {
  @TempDir Path dir;

  @Test
  void aServedNodeKilledAtEachPointKeepsEveryAcknowledgedJob() throws Exception {
    Path dist = Path.of(System.getProperty("bacalhau.dist", "../cli/target/bacalhau"));
    boolean required = Boolean.getBoolean("bacalhau.requireRealServices");
    assumeTrue(
        required || Files.isDirectory(dist.resolve("lib")),
        "no packaged distribution at " + dist + " (package the cli module first)");
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    boolean clean;
    try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
      clean =
          CrashHarness.run(
              dist.toAbsolutePath(),
              dir,
              KillPoint.values().length,
              Long.MAX_VALUE,
              new Iteration.Settings(3, 3, 1, 90),
              out);
    }
    String text = report.toString(StandardCharsets.UTF_8);
    System.out.print(text);
    assertTrue(clean, text);
    assertTrue(text.contains("TOTAL iterations=4 kills=4"), text);
  }

  /** The checks are not vacuous: a job the node never had is lost, a wrong output is caught. */
  @Test
  void theChecksReportAMissingJobAndAWrongResult() throws Exception {
    Path dist = Path.of(System.getProperty("bacalhau.dist", "../cli/target/bacalhau"));
    assumeTrue(
        Boolean.getBoolean("bacalhau.requireRealServices")
            || Files.isDirectory(dist.resolve("lib")),
        "no packaged distribution at " + dist);
    try (ServedNode node =
        new ServedNode(dist.toAbsolutePath(), dir.resolve("data"), dir.resolve("serve.log"))) {
      node.start();
      NodeApi api = new NodeApi(node.apiPort());
      JobChecker checker = new JobChecker(api, java.util.concurrent.TimeUnit.SECONDS.toNanos(60));
      Submitted never = new Submitted("j-never-submitted", JobKind.NOOP, "x", true, "http");
      assertEquals(Outcome.LOST, checker.check(never, false, 0).outcome());
      String id =
          api.submit("{\"Job\": " + JobKind.NOOP.job("printed", true, 0) + "}").orElseThrow();
      Submitted expected = new Submitted(id, JobKind.NOOP, "printed", true, "http");
      assertEquals(Outcome.OK, checker.check(expected, false, 0).outcome());
      Submitted other = new Submitted(id, JobKind.NOOP, "something-else", true, "http");
      assertEquals(Outcome.BAD_RESULT, checker.check(other, false, 0).outcome());
      assertEquals(Outcome.LOST, checker.check(expected, true, 0).outcome(), "a stop undone");
    }
  }
}
