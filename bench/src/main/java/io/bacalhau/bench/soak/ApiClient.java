package io.bacalhau.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One API client of the node, as a program of a user's would be: its own JDK HttpClient (so its own
 * connection), plain JSON over HTTP/1.1 and the logs route over a WebSocket. Every answer other
 * than 2xx is an {@link ApiException} naming the call.
 */
final class ApiClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final HttpClient http;
  private final URI jobs;

  ApiClient(URI base) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.jobs = base.resolve("/api/v1/orchestrator/jobs");
  }

  /** Submits a job spec ({@code {"Job": ...}}) and returns its JobID. */
  String submit(String body) throws IOException, InterruptedException {
    return send("submit", request("").PUT(HttpRequest.BodyPublishers.ofString(body)))
        .path("JobID")
        .asText();
  }

  JsonNode get(String id) throws IOException, InterruptedException {
    return send("get", request("/" + id).GET());
  }

  JsonNode list(int limit) throws IOException, InterruptedException {
    return send("list", request("?limit=" + limit + "&reverse=true").GET());
  }

  /** One page of every job, oldest first; {@code next} is the previous page's NextToken or "". */
  JsonNode page(int limit, String next) throws IOException, InterruptedException {
    String tail = next.isEmpty() ? "?limit=" + limit : "?next_token=" + next;
    return send("list-all", request(tail).GET());
  }

  JsonNode history(String id) throws IOException, InterruptedException {
    return send("history", request("/" + id + "/history").GET());
  }

  JsonNode stop(String id) throws IOException, InterruptedException {
    return send("stop", request("/" + id + "?reason=soak").DELETE());
  }

  /**
   * Follows a job's logs over the WebSocket until the node closes the stream (the job ended) and
   * returns the number of frames; a stream still open after {@code limit} is an error.
   */
  int followLogs(String id, Duration limit) throws IOException, InterruptedException {
    URI ws =
        URI.create(jobs.toString().replaceFirst("^http", "ws") + "/" + id + "/logs?follow=true");
    AtomicInteger frames = new AtomicInteger();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onText(WebSocket s, CharSequence data, boolean last) {
            if (last) {
              frames.incrementAndGet();
            }
            s.request(1);
            return null;
          }

          @Override
          public CompletionStage<?> onClose(WebSocket s, int status, String reason) {
            closed.complete(status);
            return null;
          }

          @Override
          public void onError(WebSocket s, Throwable error) {
            closed.completeExceptionally(error);
          }
        };
    WebSocket socket;
    try {
      socket =
          http.newWebSocketBuilder()
              .buildAsync(ws, listener)
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new ApiException("logs", "WebSocket upgrade failed: " + e);
    }
    try {
      int status = closed.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (status != WebSocket.NORMAL_CLOSURE) {
        throw new ApiException("logs", "stream closed with status " + status);
      }
      return frames.get();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new ApiException("logs", "stream of " + id + " still open after " + limit);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new ApiException("logs", "stream failed: " + e.getCause());
    } finally {
      socket.abort();
    }
  }

  private HttpRequest.Builder request(String tail) {
    return HttpRequest.newBuilder(URI.create(jobs + tail))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json");
  }

  private JsonNode send(String op, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new ApiException(op, "HTTP " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  @Override
  public void close() {
    http.close();
  }
}
