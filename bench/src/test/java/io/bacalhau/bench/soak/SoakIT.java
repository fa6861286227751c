package io.bacalhau.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak's short variant: 16 clients for 20 s against a real {@code bacalhau serve} process on
 * 127.0.0.1 (the packaged distribution), with the on-demand run's checks: no error answer, every
 * acknowledged job found and terminal, threads and descriptors back to their baseline, and a bound
 * on memory in place of the plateau a run this short cannot show.
 */
class SoakIT {
  private static final long PEAK_RSS_BOUND_KB = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void sixteenClientsLoseNothingAndLeakNoThreadsOrDescriptors() throws Exception {
    Path wasm =
        Path.of(System.getProperty("bacalhau.wasm", "../plugins/engine-wasm/examples/hello.wasm"));
    assertTrue(Files.isRegularFile(wasm), "the WASI module the soak submits: " + wasm);
    SoakSettings settings =
        new SoakSettings(
            Path.of(System.getProperty("bacalhau.dist", "../cli/target/bacalhau")),
            16,
            Duration.ofSeconds(20),
            Duration.ofMillis(100),
            10_000,
            Duration.ofSeconds(2),
            Optional.of(wasm));
    SoakReport report = SoakRun.run(settings, dir);
    System.out.print(report.table());
    assertEquals(List.of(), report.problems(), report.table());
    assertTrue(report.acknowledged() > 100, "too little load to judge: " + report.table());
    assertTrue(
        report.memory().peakKb() < PEAK_RSS_BOUND_KB,
        "peak RSS " + report.memory().peakKb() / 1024 + " MB: " + report.table());
    List<String> ran = report.ops().stream().map(OpStats.Row::op).toList();
    for (String op :
        List.of("submit", "submit-wasm", "get", "list", "history", "logs-follow", "stop")) {
      assertTrue(ran.contains(op), op + " never ran: " + report.table());
    }
  }
}
