package io.bacalhau.server;

import io.bacalhau.core.builtin.localpublisher.LocalResults;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The local publisher's archives over HTTP, as Bacalhau's compute node serves them on {@code
 * Publishers.Types.Local.Port}: {@code GET /<execID>.tar.gz} (and {@code HEAD}) for a file directly
 * in the local-publisher folder; anything else is a 404. The path is checked raw, before any
 * decoding, so no {@code ../}, encoded or not, can name a file elsewhere. A compute node of a
 * cluster also answers {@code GET /logs/<execID>} there for its orchestrator ({@link ComputeLogs}),
 * with the cluster token.
 */
public final class ResultFileServer implements AutoCloseable {
  // Helidon reports each start at INFO through java.util.logging; serve prints its own line.
  private static final java.util.logging.Logger HELIDON_LOG =
      java.util.logging.Logger.getLogger("io.helidon");

  static {
    HELIDON_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final WebServer server;
  private final ReadDeadlines deadlines;

  private ResultFileServer(WebServer server, ReadDeadlines deadlines) {
    this.server = server;
    this.deadlines = deadlines;
  }

  /**
   * Starts serving {@code folder} on {@code host:port} (port 0: any free one); returns once bound.
   */
  public static ResultFileServer start(String host, int port, Path folder) {
    return start(host, port, folder, null, ServerSettings.READ_TIMEOUT);
  }

  /** As {@link #start(String, int, Path)}, also serving a compute node's logs (null: none). */
  public static ResultFileServer start(String host, int port, Path folder, ComputeLogs logs) {
    return start(host, port, folder, logs, ServerSettings.READ_TIMEOUT);
  }

  /**
   * As {@link #start(String, int, Path)}, dropping clients that stall after {@code readTimeout}.
   */
  static ResultFileServer start(
      String host, int port, Path folder, ComputeLogs logs, Duration readTimeout) {
    ReadDeadlines deadlines = new ReadDeadlines(readTimeout);
    try {
      WebServer server =
          WebServer.builder()
              .host(host)
              .port(port)
              .idleConnectionTimeout(Duration.ofMinutes(5))
              .shutdownGracePeriod(Duration.ofSeconds(5))
              .addProtocol(deadlines.http1())
              .routing(r -> r.any((req, res) -> route(folder, logs, req, res)))
              .build()
              .start();
      return new ResultFileServer(server, deadlines);
    } catch (RuntimeException e) {
      deadlines.close();
      throw e;
    }
  }

  private static void route(Path folder, ComputeLogs logs, ServerRequest req, ServerResponse res)
      throws IOException {
    if (logs != null && req.path().rawPath().startsWith(LogRoute.PREFIX)) {
      LogRoute.serve(logs, req, res);
    } else {
      serve(folder, req, res);
    }
  }

  private static void serve(Path folder, ServerRequest req, ServerResponse res) throws IOException {
    Method method = req.prologue().method();
    String raw = req.path().rawPath();
    Path file =
        raw.startsWith("/") && LocalResults.isArchiveName(raw.substring(1))
            ? folder.resolve(raw.substring(1))
            : null;
    boolean readable =
        (method == Method.GET || method == Method.HEAD)
            && file != null
            && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    if (!readable) {
      res.status(Status.NOT_FOUND_404)
          .header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN)
          .send("404 page not found\n");
      return;
    }
    res.header(HeaderNames.CONTENT_TYPE, "application/gzip");
    res.contentLength(Files.size(file));
    if (method == Method.HEAD) {
      res.send();
      return;
    }
    try (OutputStream out = res.outputStream()) {
      Files.copy(file, out);
    }
  }

  /** The port listened on (the one chosen when asked for port 0). */
  public int port() {
    return server.port();
  }

  /** Stops accepting; downloads under way get a short grace period. */
  @Override
  public void close() {
    server.stop();
    deadlines.close();
  }
}
