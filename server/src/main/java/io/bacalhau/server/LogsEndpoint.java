package io.bacalhau.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.client.api.LogFrame;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsCloseCodes;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code GET /api/v1/orchestrator/jobs/{id}/logs} as a WebSocket: one text frame per line of the
 * chosen execution ({@code execution_id}, else the most recently changed one with output), with
 * {@code follow} until it ends, then a normal close. Streaming runs in a virtual thread of its own
 * that a client's disconnect interrupts, so a dropped client costs nothing; while it runs, {@link
 * WsKeepAlive} pings the client so that a quiet job's stream outlives the idle timeout.
 */
final class LogsEndpoint implements WsListener {
  static final String PATH = JobRoutes.PREFIX + "/{id}/logs";
  private static final Duration WAIT_FOR_EXECUTION = Duration.ofSeconds(30);

  private final NodeClient node;
  private final Authenticator auth;
  private final WsKeepAlive keepAlive;
  private volatile HttpPrologue prologue;
  private volatile Thread streamer;
  private volatile CountDownLatch pinger;

  LogsEndpoint(NodeClient node, Authenticator auth, WsKeepAlive keepAlive) {
    this.node = node;
    this.auth = auth;
    this.keepAlive = keepAlive;
  }

  /** A plain GET of the logs route: only a WebSocket can carry them. */
  static void notUpgraded() {
    throw BacalhauException.badRequest(
        "logs are streamed over a WebSocket", "Connect with a WebSocket client (Upgrade header).");
  }

  @Override
  public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers)
      throws WsUpgradeException {
    try {
      auth.check("GET", prologue.uriPath().path(), headers.first(HeaderNames.AUTHORIZATION));
    } catch (BacalhauException refused) {
      throw new WsUpgradeException(refused.getMessage());
    }
    this.prologue = prologue;
    return Optional.empty();
  }

  @Override
  public void onOpen(WsSession session) {
    pinger = keepAlive.start(session);
    streamer = Thread.ofVirtual().name("logs").start(() -> stream(session));
  }

  @Override
  public void onClose(WsSession session, int status, String reason) {
    stop();
  }

  @Override
  public void onError(WsSession session, Throwable t) {
    stop();
  }

  /** The client closed or the connection failed: the stream has nobody to write to. */
  private void stop() {
    stopPinger();
    Thread t = streamer;
    if (t != null) {
      t.interrupt();
    }
  }

  private void stopPinger() {
    CountDownLatch p = pinger;
    if (p != null) {
      p.countDown();
    }
  }

  private void stream(WsSession session) {
    try {
      streamLines(session);
    } finally {
      stopPinger();
      closeQuietly(session);
    }
  }

  /**
   * However the stream ended, the connection is closed (a no-op once a close was sent): a stream
   * that ended without one held its client until the idle timeout, minutes after its job ended.
   */
  private static void closeQuietly(WsSession session) {
    try {
      session.close(WsCloseCodes.NORMAL_CLOSE, "");
    } catch (RuntimeException gone) {
      // The client has gone: there is nobody to close for.
    }
  }

  private void streamLines(WsSession session) {
    try {
      UriQuery query = prologue.query();
      QueryParams q = new QueryParams(query);
      String[] parts = prologue.uriPath().path().split("/");
      String jobId = parts[parts.length - 2];
      boolean follow = q.bool("follow");
      Execution chosen = choose(jobId, q.string("namespace", ""), q, follow);
      try (LineFrames out = new LineFrames(LogFrame.STDOUT, f -> send(session, f));
          LineFrames err = new LineFrames(LogFrame.STDERR, f -> send(session, f))) {
        node.logs(chosen.jobId(), chosen.id(), follow, q.bool("tail"), out, err);
      }
      session.close(WsCloseCodes.NORMAL_CLOSE, "");
    } catch (InterruptedException gone) {
      // The client went away: nothing to tell anyone.
    } catch (BacalhauException e) {
      tell(session, LogFrame.failure(e.getMessage()), WsCloseCodes.NORMAL_CLOSE);
    } catch (RuntimeException e) {
      if (!writeFailed(e)) {
        tell(session, LogFrame.failure("internal error"), WsCloseCodes.UNEXPECTED_CONDITION);
      }
    }
  }

  /**
   * Whether a write to the client failed: Helidon wraps the socket's IOException in exceptions of
   * its own. The client has gone, so there is nothing to tell it.
   */
  private static boolean writeFailed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return true;
      }
    }
    return false;
  }

  /** The last frame and the close; a client that has just gone cannot hear them. */
  private static void tell(WsSession session, LogFrame last, int closeCode) {
    try {
      send(session, last);
      session.close(closeCode, "");
    } catch (RuntimeException gone) {
      if (!writeFailed(gone)) {
        throw gone;
      }
    }
  }

  private Execution choose(String idOrName, String namespace, QueryParams q, boolean follow)
      throws InterruptedException {
    Job job = node.job(idOrName, namespace);
    String wanted = q.string("execution_id", "");
    Instant deadline = Instant.now().plus(follow ? WAIT_FOR_EXECUTION : Duration.ZERO);
    while (true) {
      List<Execution> executions = node.executions(job.id(), 0);
      Optional<Execution> chosen =
          wanted.isEmpty()
              ? executions.stream()
                  .filter(e -> !e.computeStateType().isDiscarded() || e.runOutput() != null)
                  .max(Comparator.comparingLong(Execution::modifyTime))
              : executions.stream().filter(e -> e.id().startsWith(wanted)).findFirst();
      if (chosen.isPresent()) {
        return chosen.get();
      }
      if (!Instant.now().isBefore(deadline)) {
        throw BacalhauException.notFound(
            "Orchestrator",
            wanted.isEmpty()
                ? "job " + job.id() + " has no execution with output yet"
                : "execution not found: " + wanted);
      }
      node.awaitChange(Duration.ofMillis(500));
    }
  }

  private static void send(WsSession session, LogFrame frame) {
    try {
      session.send(ApiJson.mapper().writeValueAsString(frame), true);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
