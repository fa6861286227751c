package io.bacalhau.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * An execution's output over the logs WebSocket: frames {@code {"value": {"Type": 1|2, "Line":
 * "…"}}} (stdout, stderr) until the node closes the stream; an {@code "error"} frame fails it.
 */
final class LogStream implements WebSocket.Listener {
  private static final int STDERR = 2;

  private final OutputStream out;
  private final OutputStream err;
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  private LogStream(OutputStream out, OutputStream err) {
    this.out = out;
    this.err = err;
  }

  static void copy(
      ApiTransport api,
      String route,
      String executionId,
      boolean follow,
      boolean tail,
      OutputStream out,
      OutputStream err)
      throws InterruptedException {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("execution_id", executionId);
    query.put("follow", Boolean.toString(follow));
    if (tail) {
      query.put("tail", "true");
    }
    LogStream stream = new LogStream(out, err);
    WebSocket socket;
    try {
      socket = api.socket(route, query, stream).get();
    } catch (ExecutionException e) {
      throw api.unreachable(e.getCause() instanceof Exception c ? c : e);
    }
    try {
      stream.done.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw api.unreachable(e);
    } catch (InterruptedException e) {
      socket.abort();
      throw e;
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frame(partial.toString());
      partial.setLength(0);
    }
    socket.request(1);
    return null;
  }

  private void frame(String text) {
    try {
      JsonNode frame = Codecs.json().readTree(text);
      String error = frame.path("error").asText("");
      if (!error.isEmpty()) {
        done.completeExceptionally(
            BacalhauException.builder(ErrorCode.UNKNOWN_ERROR, error).component("Logs").build());
        return;
      }
      JsonNode value = frame.path("value");
      byte[] line = value.path("Line").asText("").getBytes(StandardCharsets.UTF_8);
      OutputStream target = value.path("Type").asInt(1) == STDERR ? err : out;
      target.write(line);
      target.flush();
    } catch (IOException e) {
      done.completeExceptionally(new UncheckedIOException(e));
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
    done.complete(null);
    return null;
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    done.completeExceptionally(error);
  }
}
