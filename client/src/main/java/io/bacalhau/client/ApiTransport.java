package io.bacalhau.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SSLParameters;

/** JSON requests to a node's API: one place for addresses, credentials, timeouts and errors. */
final class ApiTransport implements AutoCloseable {
  private static final String PREFIX = "/api/v1";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final ApiEndpoint endpoint;
  private HttpClient http;

  ApiTransport(ApiEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * The JDK's client, made on first use, so that a command answered from the CLI alone (a usage
   * error, say) never builds one.
   */
  private synchronized HttpClient http() {
    if (http != null) {
      return http;
    }
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER);
    if (endpoint.base().getScheme().equals("https")) {
      b.sslContext(TlsTrust.context(endpoint));
    } else {
      // Plain http never uses TLS, but the client would set up the JDK's default context (trust
      // store included) anyway: about 0.1 s of every command's start. One that is never used, made
      // without the JDK's security providers, costs nothing.
      b.sslContext(new PlainHttpContext()).sslParameters(new SSLParameters());
    }
    http = b.build();
    return http;
  }

  ApiEndpoint endpoint() {
    return endpoint;
  }

  /** A GET; a query value that is a list is sent as the parameter repeated ({@code labels=}). */
  JsonNode get(String path, Map<String, ?> query) {
    return send("GET", path, query, null, endpoint.timeout());
  }

  /** A GET that gives up after {@code timeout} (a question asked in passing, like the version). */
  JsonNode get(String path, Map<String, String> query, Duration timeout) {
    return send("GET", path, query, null, timeout);
  }

  JsonNode put(String path, Object body) {
    return send("PUT", path, Map.of(), body, endpoint.timeout());
  }

  JsonNode delete(String path, Map<String, String> query) {
    return send("DELETE", path, query, null, endpoint.timeout());
  }

  /** Opens a WebSocket on the route; frames go to the listener. */
  CompletableFuture<WebSocket> socket(
      String path, Map<String, String> query, WebSocket.Listener listener) {
    URI http = uri(path, query);
    String scheme = http.getScheme().equals("https") ? "wss" : "ws";
    URI ws = URI.create(scheme + http.toString().substring(http.getScheme().length()));
    WebSocket.Builder b = http().newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
    if (endpoint.authorization() != null) {
      b.header("Authorization", endpoint.authorization());
    }
    return b.buildAsync(ws, listener);
  }

  private JsonNode send(
      String method, String path, Map<String, ?> query, Object body, Duration timeout) {
    URI uri = uri(path, query);
    byte[] bytes = body == null ? null : encode(body);
    int status;
    byte[] answered;
    try {
      StartupTrace.mark("sending " + method + " " + path);
      HttpResponse<byte[]> response = viaHttpClient(uri, method, bytes, timeout);
      status = response.statusCode();
      answered = response.body();
      StartupTrace.mark("answered");
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw unreachable(e);
    } catch (HttpTimeoutException e) {
      throw BacalhauException.builder(
              ErrorCode.TIME_OUT,
              "the Bacalhau node at "
                  + endpoint.display()
                  + " did not answer "
                  + method
                  + " "
                  + path)
          .component("Client")
          .retryable(true)
          .build();
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw BacalhauException.builder(ErrorCode.REQUEST_CANCELLED, "request interrupted")
          .component("Client")
          .build();
    }
    JsonNode answer = decode(answered);
    StartupTrace.mark("answer parsed");
    if (status >= 400) {
      throw ApiErrors.from(status, answer, method + " " + path);
    }
    return answer;
  }

  private Map<String, String> headers(boolean withBody) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (endpoint.authorization() != null) {
      headers.put("Authorization", endpoint.authorization());
    }
    if (withBody) {
      headers.put("Content-Type", "application/json");
    }
    return headers;
  }

  private HttpResponse<byte[]> viaHttpClient(URI uri, String method, byte[] body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout);
    headers(body != null).forEach(b::header);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    return http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private URI uri(String path, Map<String, ?> query) {
    StringJoiner q = new StringJoiner("&");
    query.forEach(
        (k, v) -> {
          List<?> values = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
          for (Object value : values) {
            q.add(k + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
          }
        });
    String suffix = q.length() == 0 ? "" : "?" + q;
    return URI.create(endpoint.base() + PREFIX + path + suffix);
  }

  private byte[] encode(Object body) {
    try {
      return Codecs.json().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a request", e);
    }
  }

  private JsonNode decode(byte[] body) {
    try {
      return JsonTrees.read(body);
    } catch (IOException e) {
      // an error page, say: the status tells what happened
      return JsonNodeFactory.instance.objectNode();
    }
  }

  /** A configured node that does not answer is an error, never a silent fall-back. */
  BacalhauException unreachable(Exception cause) {
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return BacalhauException.builder(
            ErrorCode.NETWORK_FAILURE,
            "no Bacalhau node answers at " + endpoint.display() + " (" + why + ")")
        .component("Client")
        .hint(
            "Start one there with 'bacalhau serve', or leave API.Host and API.Port unset to use"
                + " the embedded node.")
        .retryable(true)
        .cause(cause)
        .build();
  }

  <T> T read(JsonNode node, Class<T> type) {
    try {
      return Codecs.json().treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw unreadable(e.getOriginalMessage());
    }
  }

  /** A record read by a reader of its own ({@link JobJson}), which says what it cannot read. */
  <T> T read(JsonNode node, Function<JsonNode, T> reader) {
    try {
      return reader.apply(node);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw unreadable(e.getMessage());
    }
  }

  private BacalhauException unreadable(String why) {
    return BacalhauException.builder(
            ErrorCode.VERSION_MISMATCH,
            "the node at "
                + endpoint.display()
                + " answered in a shape this client cannot read: "
                + why)
        .component("Client")
        .build();
  }

  @Override
  public synchronized void close() {
    if (http != null) {
      http.close();
    }
  }
}
