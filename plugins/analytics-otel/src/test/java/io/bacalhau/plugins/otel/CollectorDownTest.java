package io.bacalhau.plugins.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.JobStateType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collector that is absent or hung must not fail a job, must not make a node hang on close, and
 * must not print anything: the SDK's own complaints go to java.util.logging, which would reach the
 * user's terminal.
 */
class CollectorDownTest {
  @TempDir Path home;
  @TempDir Path dataDir;

  @Test
  void anAbsentCollectorLeavesJobsAndTheTerminalAlone() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    List<LogRecord> julRecords = new ArrayList<>();
    Handler spy = spy(julRecords);
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    root.addHandler(spy);
    PrintStream stderr = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (AnalyticsNode node =
        new AnalyticsNode(
            home,
            dataDir,
            Map.of(),
            List.of("Analytics.Endpoint=http://127.0.0.1:" + closedPort))) {
      assertTrue(node.client.node().analytics().enabled());
      assertEquals(JobStateType.COMPLETED, node.run("one", Map.of()).stateType());
      assertEquals(JobStateType.FAILED, node.run("two", Map.of("Error", "x")).stateType());
    } finally {
      System.setErr(stderr);
      root.removeHandler(spy);
    }
    assertEquals("", printed.toString(StandardCharsets.UTF_8), "printed to stderr");
    assertEquals(List.of(), julRecords.stream().map(LogRecord::getMessage).toList());
  }

  @Test
  void aHungCollectorDoesNotHoldUpClosingTheNode() throws Exception {
    try (OtlpHttpReceiver hung = OtlpHttpReceiver.silent()) {
      long closedIn;
      AnalyticsNode node =
          new AnalyticsNode(
              home, dataDir, Map.of(), List.of("Analytics.Endpoint=" + hung.endpoint()));
      try {
        assertEquals(JobStateType.COMPLETED, node.run("one", Map.of()).stateType());
      } finally {
        long start = System.nanoTime();
        node.close();
        closedIn = System.nanoTime() - start;
      }
      assertTrue(hung.connections() > 0, "the exporter did try the collector");
      // Not a performance check: the deadline is 2 s, this only guards against a hang.
      assertTrue(
          Duration.ofNanos(closedIn).compareTo(Duration.ofSeconds(15)) < 0,
          "close took " + Duration.ofNanos(closedIn));
    }
  }

  private static Handler spy(List<LogRecord> into) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        String name = record.getLoggerName() == null ? "" : record.getLoggerName();
        if (name.startsWith("io.opentelemetry") || name.startsWith("okhttp3")) {
          synchronized (into) {
            into.add(record);
          }
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
