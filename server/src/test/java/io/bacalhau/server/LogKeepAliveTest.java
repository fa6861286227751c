package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A followed log stream of a job that is quiet for longer than the server's idle timeout (5 minutes
 * in serve; 3 seconds here, as Helidon's clock for idleness ticks in whole seconds) is not cut: it
 * delivers the late output and closes normally.
 */
class LogKeepAliveTest {
  private static final Duration IDLE = Duration.ofSeconds(3);

  @TempDir static Path dataDir;
  static EmbeddedNodeClient node;
  static ApiServer server;

  @BeforeAll
  static void start() {
    node = EmbeddedNodeTestSupport.client(dataDir);
    node.startWorking();
    server = ApiServer.start(ServerSettings.open("127.0.0.1", 0).withIdleTimeout(IDLE), node);
  }

  @AfterAll
  static void stop() {
    server.close();
    node.close();
  }

  /** A client of its own per call: the server closes pooled connections idle for 3 s. */
  private static Api api() {
    return new Api(server.port());
  }

  private static String submit(String name, String params) throws Exception {
    Api.Answer put = api().call("PUT", "/api/v1/orchestrator/jobs", Api.noopJob(name, params));
    assertEquals(200, put.status(), put.raw());
    return put.json().get("JobID").asText();
  }

  /**
   * Sends {@code request}, then reads (the server's pings among it) until the server closes the
   * connection; false if it is still open after {@code bound}, far above the idle timeout.
   */
  private static boolean closedWithin(String request, Duration bound) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(500);
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      long deadline = System.nanoTime() + bound.toNanos();
      while (System.nanoTime() < deadline) {
        try {
          if (in.read() == -1) {
            return true;
          }
        } catch (SocketTimeoutException quiet) {
          // nothing yet; look again until the bound
        } catch (SocketException reset) {
          return true;
        }
      }
      return false;
    }
  }

  @Test
  void aQuietFollowedStreamOutlivesTheIdleTimeout() throws Exception {
    String id = submit("quiet", "{\"Stdout\": \"late\\n\", \"SleepMillis\": 7000}");
    // The JDK's client answers each ping with a pong, as browsers and Bacalhau's Go client do.
    try (LogFollower logs = LogFollower.follow(server.port(), id)) {
      LogFollower.Close close = logs.awaitClose(Duration.ofSeconds(30));
      assertEquals(
          List.of("{\"value\":{\"Type\":1,\"Line\":\"late\\n\"}}"),
          logs.frames(),
          close.toString());
      assertEquals(
          new LogFollower.Close(1000, ""),
          close,
          "closed after the last line, not by the idle timeout");
    }
  }

  @Test
  void aClientThatAnswersNoPingIsStillClosedByTheIdleTimeout() throws Exception {
    String id = submit("unanswered", "{\"SleepMillis\": 600000}");
    // A WebSocket upgrade from a client that then never sends a frame, not even a pong.
    String upgrade =
        "GET /api/v1/orchestrator/jobs/"
            + id
            + "/logs?follow=true HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";
    try {
      assertTrue(
          closedWithin(upgrade, Duration.ofSeconds(20)),
          "the server closes the silent client's stream though its job still runs");
    } finally {
      api().call("DELETE", "/api/v1/orchestrator/jobs/" + id, null);
    }
  }
}
