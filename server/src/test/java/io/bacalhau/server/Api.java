package io.bacalhau.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A real HTTP client for the tests: the JDK's, and {@code curl} as an independent one. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  record Answer(int status, String contentType, JsonNode json, String raw) {}

  Answer call(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse(""),
        r.body().isBlank() ? null : parse(r.body()),
        r.body());
  }

  Answer get(String path) throws Exception {
    return call("GET", path, null);
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** Runs curl; returns its stdout (the body), failing on a curl error. */
  static String curl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new AssertionError("curl " + cmd + " failed: " + out);
    }
    return out;
  }

  static String noopJob(String name, String params) {
    return """
        {"Job": {"Name": "%s", "Type": "batch", "Count": 1,
          "Tasks": [{"Name": "main", "Engine": {"Type": "noop", "Params": %s}}]}}
        """
        .formatted(name, params);
  }

  /**
   * Sends the start of a request to 127.0.0.1:{@code port}, then nothing; true when the server
   * closes the connection (after any error response) within a bound far above its timeout: the
   * assertion is that the connection ends, not how fast.
   */
  static boolean dropsStalled(int port, String partial) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      while (in.read() != -1) {
        // an error response may come first; the end of the stream is what counts
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException reset) {
      return true;
    }
  }
}
