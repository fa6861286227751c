package io.bacalhau.core.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.bacalhau.core.builtin.urldownload.DownloadSettings;
import io.bacalhau.core.builtin.urldownload.HttpFetcher;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads against a real HTTP server on loopback. */
class UrlDownloadTest {
  @TempDir Path dir;
  HttpServer server;
  final AtomicInteger flakyCalls = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/data/file.csv", ex -> reply(ex, 200, "a,b\n1,2\n", null));
    server.createContext(
        "/named", ex -> reply(ex, 200, "x", "attachment; filename=\"report.txt\""));
    server.createContext(
        "/sneaky", ex -> reply(ex, 200, "x", "attachment; filename=\"../../etc/cron.d/evil\""));
    server.createContext("/missing", ex -> reply(ex, 404, "no", null));
    server.createContext("/big", ex -> reply(ex, 200, "y".repeat(5000), null));
    server.createContext(
        "/flaky",
        ex -> {
          if (flakyCalls.incrementAndGet() < 3) {
            reply(ex, 503, "busy", null);
          } else {
            reply(ex, 200, "finally", null);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void reply(
      com.sun.net.httpserver.HttpExchange ex, int status, String body, String disposition)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (disposition != null) {
      ex.getResponseHeaders().add("Content-Disposition", disposition);
    }
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private HttpFetcher fetcher(long maxBytes) {
    return new HttpFetcher(
        new DownloadSettings("10s", 3, String.valueOf(maxBytes)), AddressPolicy.embedded());
  }

  @Test
  void fileIsNamedAfterTheUrl() throws Exception {
    Path file = fetcher(1 << 20).fetch(url("/data/file.csv"), dir, ExecutionEvents.NONE);
    assertEquals(dir.resolve("file.csv"), file);
    assertEquals("a,b\n1,2\n", Files.readString(file));
  }

  @Test
  void contentDispositionNamesTheFileButCannotEscape() throws Exception {
    assertEquals(
        dir.resolve("report.txt"),
        fetcher(1 << 20).fetch(url("/named"), dir, ExecutionEvents.NONE));
    assertEquals(
        dir.resolve("evil"), fetcher(1 << 20).fetch(url("/sneaky"), dir, ExecutionEvents.NONE));
  }

  @Test
  void serverErrorsAreRetried() throws Exception {
    Path file = fetcher(1 << 20).fetch(url("/flaky"), dir, ExecutionEvents.NONE);
    assertEquals("finally", Files.readString(file));
    assertEquals(3, flakyCalls.get());
  }

  @Test
  void notFoundFailsAtOnceWithTheUrlAndStatus() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> fetcher(1 << 20).fetch(url("/missing"), dir, ExecutionEvents.NONE));
    assertTrue(e.getMessage().contains(url("/missing").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    assertTrue(e.failsExecution());
  }

  @Test
  void downloadsOverTheLimitAreRefused() {
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> fetcher(1000).fetch(url("/big"), dir, ExecutionEvents.NONE));
    assertTrue(e.getMessage().contains("larger than the limit of 1000 bytes"), e.getMessage());
  }
}
