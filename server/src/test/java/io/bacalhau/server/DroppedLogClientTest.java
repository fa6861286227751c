package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that drops a followed log stream while the server is writing to it costs nothing: the
 * streaming thread ends quietly. It used to answer Helidon's failed write by sending an "internal
 * error" frame over the closed connection, which threw out of the thread (the soak harness saw 384
 * such traces in 28,000 follows).
 */
class DroppedLogClientTest {
  @TempDir static Path dataDir;
  static EmbeddedNodeClient node;
  static ApiServer server;

  @BeforeAll
  static void start() {
    node = EmbeddedNodeTestSupport.client(dataDir);
    node.startWorking();
    server = ApiServer.start(ServerSettings.open("127.0.0.1", 0), node);
  }

  @AfterAll
  static void stop() {
    server.close();
    node.close();
  }

  @Test
  void aClientGoneMidStreamLeavesNoUncaughtException() throws Exception {
    String line = "x".repeat(1000) + "\\n";
    String stdout = line.repeat(4000); // about 4 MB: far more than the socket buffers hold
    Api.Answer put =
        new Api(server.port())
            .call(
                "PUT",
                "/api/v1/orchestrator/jobs",
                Api.noopJob("loud", "{\"Stdout\": \"" + stdout + "\"}"));
    assertEquals(200, put.status(), put.raw());
    String id = put.json().get("JobID").asText();

    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    try {
      for (int i = 0; i < 5; i++) {
        dropMidStream(id);
      }
      Thread.sleep(2000); // the streams notice their clients have gone
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
    assertEquals(List.of(), uncaught);
  }

  /** Upgrades, reads a little of the stream, then resets the connection. */
  private static void dropMidStream(String jobId) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      String upgrade =
          "GET /api/v1/orchestrator/jobs/"
              + jobId
              + "/logs?follow=true HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
              + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              + "Sec-WebSocket-Version: 13\r\n\r\n";
      s.getOutputStream().write(upgrade.getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      in.readNBytes(64 * 1024);
      s.setSoLinger(true, 0); // a reset, as a killed client leaves
    }
  }
}
