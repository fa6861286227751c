package io.bacalhau.plugins.otel;

import io.bacalhau.core.models.JobStateType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * On demand ({@code -Dbench=true}), not a timed test: job run times with analytics off, with the
 * collector down and with a live collector, each on a fresh node, printed for comparison.
 *
 * <pre>
 * mvn -B -q -pl plugins/analytics-otel -am test -Dtest=CollectorDownBench -Dbench=true \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip
 * </pre>
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class CollectorDownBench {
  private static final int WARMUP = 5;
  private static final int JOBS = 30;

  @TempDir Path tmp;

  @Test
  void compare() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    StringBuilder report = new StringBuilder();
    for (int round = 0; round < 2; round++) {
      report.append(measure("off", List.of("DisableAnalytics=true")));
      report.append(
          measure("collector down", List.of("Analytics.Endpoint=http://127.0.0.1:" + closedPort)));
      try (OtlpHttpReceiver up = OtlpHttpReceiver.start()) {
        report.append(measure("collector up", List.of("Analytics.Endpoint=" + up.endpoint())));
      }
    }
    System.out.print(report);
    Files.writeString(Path.of("target", "collector-down-bench.txt"), report);
  }

  private String measure(String label, List<String> args) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "run");
    long total = 0;
    long closeNanos;
    long startNanos;
    try (AnalyticsNode node = new AnalyticsNode(dir, dir.resolve("data"), Map.of(), args)) {
      long nodeStart = System.nanoTime();
      node.client.node(); // builds the node, and the analytics sink when on
      startNanos = System.nanoTime() - nodeStart;
      for (int i = 0; i < WARMUP + JOBS; i++) {
        long start = System.nanoTime();
        if (node.run("bench-" + i, Map.of()).stateType() != JobStateType.COMPLETED) {
          throw new AssertionError("job failed");
        }
        if (i >= WARMUP) {
          total += System.nanoTime() - start;
        }
      }
      long closeStart = System.nanoTime();
      node.close();
      closeNanos = System.nanoTime() - closeStart;
    }
    return String.format(
        "%-15s node start %6.1f ms, mean job run %6.1f ms over %d jobs, node close %6.1f ms%n",
        label, startNanos / 1e6, total / 1e6 / JOBS, JOBS, closeNanos / 1e6);
  }
}
