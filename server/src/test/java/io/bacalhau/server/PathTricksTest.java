package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths that try to borrow an open route's or another resource's permission: dot segments, their
 * percent-encoded forms, encoded slashes and doubled slashes. They are sent byte for byte over a
 * socket, since HTTP clients (curl, the JDK's) tidy some of them away before sending. Each must be
 * refused (401, 403, 400 or 404), never answered with what it tried to reach.
 */
class PathTricksTest {
  private static final String JOB_READER = "job-reader-key";

  @TempDir static Path dir;
  static EmbeddedNodeClient node;
  static ApiServer server;

  @BeforeAll
  static void start() {
    node = EmbeddedNodeTestSupport.client(dir.resolve("data"));
    server =
        ApiServer.start(
            ServerSettings.open("127.0.0.1", 0)
                .withUsers(List.of(new ApiUser("", "", JOB_READER, List.of("read:job")))),
            node);
  }

  @AfterAll
  static void stop() {
    server.close();
    node.close();
  }

  /** Sends one request line as given; returns the status code. */
  static int send(String method, String rawPath, String authorization) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(20_000);
      StringBuilder request =
          new StringBuilder(method + " " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      if (authorization != null) {
        request.append("Authorization: ").append(authorization).append("\r\n");
      }
      request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // The status line is all that counts; the server may keep the connection open after it.
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        line.append((char) c);
      }
      return Integer.parseInt(line.substring(9, 12));
    }
  }

  private static final List<Integer> REFUSED = List.of(400, 401, 403, 404);

  @Test
  void anonymousCallersCannotClimbOutOfAnOpenRoute() throws Exception {
    List<String> tricks =
        List.of(
            "/api/v1/auth/../orchestrator/jobs",
            "/api/v1/auth/%2e%2e/orchestrator/jobs",
            "/api/v1/auth/%2E%2E/orchestrator/jobs",
            "/api/v1/auth/..%2forchestrator/jobs",
            "/api/v1/auth/..%2Forchestrator%2Fjobs",
            "/api/v1/auth%2F..%2Forchestrator%2Fjobs",
            "/api/v1/auth/./../orchestrator/jobs",
            "/api/v1/auth/../../v1/orchestrator/jobs",
            "/api/v1/auth;/../orchestrator/jobs",
            "/api/v1/auth/Password/../../agent/config",
            "/api/v1/agent/alive/../config",
            "/api/v1/agent/alive/%2e%2e/config",
            "/api/v1/agent/alive/..%2fconfig",
            "/api/v1/agent/version/../../orchestrator/jobs",
            "/api/v1/agent/authconfig/../debug",
            "/livez/../api/v1/orchestrator/jobs",
            "/version/../api/v1/agent/config",
            "//api/v1/orchestrator/jobs",
            "/api/v1//orchestrator/jobs",
            "/api/v1/orchestrator//jobs",
            "/api//v1/agent/config",
            "/api/v1/./orchestrator/jobs",
            "/%61pi/v1/orchestrator/jobs",
            "/api/v1/orchestrator/jobs%2F",
            "/api/v1/agent/alive%2F..%2Fconfig");
    assertAllRefused(tricks, null);
  }

  @Test
  void aJobReaderCannotReachNodesOrTheAgentThroughAJobPath() throws Exception {
    List<String> tricks =
        List.of(
            "/api/v1/orchestrator/jobs/../nodes",
            "/api/v1/orchestrator/jobs/%2e%2e/nodes",
            "/api/v1/orchestrator/jobs/..%2Fnodes",
            "/api/v1/orchestrator/jobs%2F..%2Fnodes",
            "/api/v1/orchestrator//nodes",
            "//api/v1/orchestrator/nodes",
            "/api/v1//orchestrator/nodes",
            "/api/v1/orchestrator/./nodes",
            "/api/v1/orchestrator/%6eodes",
            "/api/v1/orchestrator/jobs/../../agent/config",
            "/api/v1/orchestrator/jobs/j-1/../../../agent/debug",
            "/api//v1/agent/config",
            "/api/v1//agent/node");
    assertAllRefused(tricks, "Bearer " + JOB_READER);
  }

  @Test
  void theRealRoutesStillAnswer() throws Exception {
    assertEquals(200, send("GET", "/api/v1/orchestrator/jobs", "Bearer " + JOB_READER));
    assertEquals(403, send("GET", "/api/v1/orchestrator/nodes", "Bearer " + JOB_READER));
    assertEquals(401, send("GET", "/api/v1/orchestrator/jobs", null));
    assertEquals(200, send("GET", "/api/v1/agent/alive", null));
  }

  private static void assertAllRefused(List<String> paths, String authorization) throws Exception {
    List<String> reached = new ArrayList<>();
    for (String path : paths) {
      for (String method : List.of("GET", "PUT", "DELETE")) {
        int status = send(method, path, authorization);
        if (!REFUSED.contains(status)) {
          reached.add(method + " " + path + " -> " + status);
        }
      }
    }
    assertEquals(List.of(), reached);
  }
}
