package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that starts a request and never finishes it must not hold a connection (and its thread)
 * forever: the server drops it after its read timeout, here made short for the test.
 */
class SlowClientTest {
  @TempDir static Path dataDir;
  static EmbeddedNodeClient node;
  static ApiServer server;

  @BeforeAll
  static void start() {
    node = EmbeddedNodeTestSupport.client(dataDir);
    node.startWorking();
    server =
        ApiServer.start(
            new ServerSettings(
                "127.0.0.1",
                0,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                Oauth2Config.NONE,
                ServerSettings.MAX_BODY_BYTES,
                Duration.ofSeconds(1),
                ServerSettings.IDLE_TIMEOUT),
            node);
  }

  @AfterAll
  static void stop() {
    server.close();
    node.close();
  }

  @Test
  void aRequestWhoseHeadersNeverEndIsDropped() throws Exception {
    assertDropped("GET /api/v1/agent/alive HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: applic");
  }

  @Test
  void aRequestWhoseBodyNeverEndsIsDropped() throws Exception {
    assertDropped(
        "PUT /api/v1/orchestrator/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"Job\": {");
  }

  @Test
  void aFollowedLogStreamOutlivesTheReadTimeout() throws Exception {
    Api api = new Api(server.port());
    Api.Answer submitted =
        api.call(
            "PUT",
            "/api/v1/orchestrator/jobs",
            Api.noopJob("quiet", "{\"Stdout\": \"late\\n\", \"SleepMillis\": 4000}"));
    assertEquals(200, submitted.status(), submitted.raw());
    String id = submitted.json().get("JobID").asText();
    List<String> frames = new CopyOnWriteArrayList<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .buildAsync(
            URI.create(
                "ws://127.0.0.1:%d/api/v1/orchestrator/jobs/%s/logs?follow=true"
                    .formatted(server.port(), id)),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                frames.add(data.toString());
                ws.request(1);
                return null;
              }

              @Override
              public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                closed.complete(status);
                return null;
              }

              @Override
              public void onError(WebSocket ws, Throwable error) {
                closed.completeExceptionally(error);
              }
            })
        .get(10, TimeUnit.SECONDS);
    assertEquals(1000, closed.get(30, TimeUnit.SECONDS), "a normal close");
    assertEquals(List.of("{\"value\":{\"Type\":1,\"Line\":\"late\\n\"}}"), frames);
  }

  private static void assertDropped(String partial) throws IOException {
    assertTrue(Api.dropsStalled(server.port(), partial), "the server kept the connection open");
  }
}
