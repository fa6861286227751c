package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A followed log stream whose output file cannot be read ends with a failure frame that names the
 * file, and a close. It used to end its thread without either: the read's IOException was taken for
 * a client gone away, so the connection stayed open, silent, until the idle timeout, and a client
 * waiting for the close waited that long (the soak harness's "stream still open after 2 minutes" of
 * a job that had completed).
 */
class UnreadableLogsTest {
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
  void aStreamWhoseLogFileCannotBeReadIsClosedWithAFailureFrame() throws Exception {
    Api.Answer put =
        new Api(server.port())
            .call(
                "PUT",
                "/api/v1/orchestrator/jobs",
                Api.noopJob("unreadable", "{\"Stdout\": \"one\\n\"}"));
    assertEquals(200, put.status(), put.raw());
    String id = put.json().get("JobID").asText();
    EmbeddedNodeTestSupport.awaitTerminal(node, id, Duration.ofSeconds(30));
    Execution execution = node.executions(id, 0).getFirst();
    Path stdout =
        dataDir.resolve("compute/executions").resolve(execution.id()).resolve("results/stdout");
    // A folder where the file was: opening it for reading fails with an IOException.
    Files.delete(stdout);
    Files.createDirectory(stdout);

    List<String> frames;
    try (LogFollower logs = LogFollower.follow(server.port(), id)) {
      try {
        assertEquals(
            1000, logs.awaitClose(Duration.ofSeconds(10)).status(), logs.frames().toString());
      } catch (TimeoutException e) {
        throw new AssertionError(
            "the stream is still open 10 s after the job ended: " + logs.frames());
      }
      frames = logs.frames();
    }
    assertEquals(1, frames.size(), frames.toString());
    assertTrue(
        frames.getFirst().contains("stdout") && frames.getFirst().contains("\"error\""),
        frames.toString());
  }
}
