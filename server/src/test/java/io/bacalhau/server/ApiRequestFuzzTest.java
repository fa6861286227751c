package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jazzer target for every request body and query string the API reads, sent over real HTTP to a
 * server on 127.0.0.1 backed by an embedded node. An input is written like a request: {@code METHOD
 * /path?query} on its first line, the body after it; {@code {job}} in the path stands for a job
 * that exists. Query text is percent-encoded here where a URI needs it, so the fuzzer's bytes reach
 * the server's decoding rather than the client's URI check.
 *
 * <p>"Clear" here: whatever the input, the answer is Bacalhau's JSON error body with a message, and
 * never the 500 "internal error" the server gives for an exception nobody mapped.
 */
class ApiRequestFuzzTest {
  private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE");

  @TempDir static Path dataDir;
  static EmbeddedNodeClient node;
  static ApiServer server;
  static Api api;
  static String jobId;

  @BeforeAll
  static void start() throws Exception {
    node = EmbeddedNodeTestSupport.client(dataDir);
    node.startWorking();
    server = ApiServer.start(ServerSettings.open("127.0.0.1", 0), node);
    api = new Api(server.port());
    Api.Answer r = api.call("PUT", "/api/v1/orchestrator/jobs", Api.noopJob("fuzz", "{}"));
    assertEquals(200, r.status(), r.raw());
    jobId = r.json().get("JobID").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
    node.close();
  }

  @FuzzTest(maxDuration = "60s")
  void anyRequestGetsAnAnswerOrAClearErrorNeverAnInternalOne(byte[] input) throws Exception {
    String text = new String(input, StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    String body = newline < 0 ? null : text.substring(newline + 1);
    int space = line.indexOf(' ');
    String method = space < 0 ? "GET" : line.substring(0, space).strip().toUpperCase();
    String target = space < 0 ? line : line.substring(space + 1);
    if (!METHODS.contains(method)) {
      method = "GET";
    }
    String path = encode(target.strip().replace("{job}", jobId));
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    try {
      URI.create("http://127.0.0.1" + path);
    } catch (IllegalArgumentException e) {
      return; // no HTTP client would send it
    }
    Api.Answer answer =
        api.call(method, path, body, "Content-Type", "application/json", "Accept", "*/*");
    String what = method + " " + path + " -> " + answer.status() + " " + answer.raw();
    if (answer.status() >= 400) {
      assertNotNull(answer.json(), () -> "not a JSON error: " + what);
      String message = answer.json().path("Message").asText("");
      assertFalse(message.isBlank(), () -> "an error without a message: " + what);
      assertFalse(message.startsWith("internal error"), () -> "unmapped exception: " + what);
    }
    assertTrue(answer.status() != 500 || answer.json() != null, what);
  }

  /** Percent-encodes what a URI may not hold; '%' stays when an escape follows it. */
  static String encode(String target) {
    StringBuilder out = new StringBuilder();
    byte[] bytes = target.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean escape =
          b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
      if (escape || (b > 0x20 && b < 0x7f && "\"<>\\^`{|}% #[]".indexOf(b) < 0)) {
        out.append((char) b);
      } else {
        out.append('%').append(String.format("%02X", b));
      }
    }
    return out.toString();
  }

  private static boolean isHex(byte b) {
    return Character.digit(b, 16) >= 0;
  }
}
