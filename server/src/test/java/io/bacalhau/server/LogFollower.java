package io.bacalhau.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A client following a job's logs over the API's WebSocket ({@code logs?follow=true}), as
 * Bacalhau's clients do: it keeps every text frame and answers pings (the JDK's client does), and
 * tells how the server closed the stream.
 */
final class LogFollower implements AutoCloseable {
  /** How the stream ended: the close frame's status and reason. */
  record Close(int status, String reason) {}

  private final List<String> frames = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Close> closed = new CompletableFuture<>();
  private final WebSocket ws;

  private LogFollower(int port, String jobId) throws Exception {
    URI uri =
        URI.create(
            "ws://127.0.0.1:%d/api/v1/orchestrator/jobs/%s/logs?follow=true"
                .formatted(port, jobId));
    ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(uri, new Listener())
            .get(10, TimeUnit.SECONDS);
  }

  /** Starts following the logs of {@code jobId} on the API server at {@code port}. */
  static LogFollower follow(int port, String jobId) throws Exception {
    return new LogFollower(port, jobId);
  }

  /** The text frames received so far, in order. */
  List<String> frames() {
    return List.copyOf(frames);
  }

  /**
   * Waits for the server to close the stream.
   *
   * @throws java.util.concurrent.TimeoutException when it is still open after {@code wait}
   */
  Close awaitClose(Duration wait) throws Exception {
    return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    ws.abort();
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      frames.add(data.toString());
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
      closed.complete(new Close(status, reason));
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}
