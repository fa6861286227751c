package io.bacalhau.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bacalhau's read-header and read timeouts, which Helidon lacks: once a request line has come, its
 * headers must follow within a quarter of the read timeout (5 s of 20 s, Bacalhau's numbers) and a
 * body within the read timeout, or the connection is closed, so a slow or stuck client holds no
 * connection. A connection that sends no request line at all is ended by Helidon's idle timeout
 * (ApiServer); a WebSocket, past its upgrade, is not timed here.
 */
final class ReadDeadlines implements AutoCloseable {
  private final Duration headers;
  private final Duration body;
  private final Map<ConnectionContext, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("api-read-deadlines").factory());

  ReadDeadlines(Duration readTimeout) {
    this.headers = readTimeout.dividedBy(4);
    this.body = readTimeout;
  }

  /** HTTP/1 with these deadlines on what it receives. */
  Http1Config http1() {
    return Http1Config.builder()
        .addReceiveListener(new Receiving())
        .addSendListener(new Sending())
        .build();
  }

  private void start(ConnectionContext ctx, Duration within) {
    ScheduledFuture<?> before =
        pending.put(
            ctx,
            timer.schedule(
                () -> {
                  pending.remove(ctx);
                  ctx.serverSocket().close();
                },
                within.toMillis(),
                TimeUnit.MILLISECONDS));
    if (before != null) {
      before.cancel(false);
    }
  }

  private void done(ConnectionContext ctx) {
    ScheduledFuture<?> f = pending.remove(ctx);
    if (f != null) {
      f.cancel(false);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /** Starts the header deadline at the request line, the body's once the headers are in. */
  private final class Receiving implements Http1ConnectionListener {
    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
      start(ctx, headers);
    }

    @Override
    public void headers(ConnectionContext ctx, Headers h) {
      boolean hasBody =
          h.contentLength().orElse(0) > 0 || h.contains(HeaderNames.TRANSFER_ENCODING);
      if (hasBody) {
        start(ctx, body);
      } else {
        done(ctx);
      }
    }
  }

  /** A response under way means the handler has read what it wanted of the request. */
  private final class Sending implements Http1ConnectionListener {
    @Override
    public void status(ConnectionContext ctx, Status status) {
      done(ctx);
    }
  }
}
