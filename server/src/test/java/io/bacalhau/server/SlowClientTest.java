package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    try (LogFollower logs = LogFollower.follow(server.port(), id)) {
      assertEquals(1000, logs.awaitClose(Duration.ofSeconds(30)).status(), "a normal close");
      assertEquals(List.of("{\"value\":{\"Type\":1,\"Line\":\"late\\n\"}}"), logs.frames());
    }
  }

  private static void assertDropped(String partial) throws IOException {
    assertTrue(Api.dropsStalled(server.port(), partial), "the server kept the connection open");
  }
}
