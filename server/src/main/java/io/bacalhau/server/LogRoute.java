package io.bacalhau.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /logs/<execID>?stdout=<pos>&stderr=<pos>&follow=<bool>} on a compute node's results
 * listener: the execution's output for the orchestrator, refused (401) without the cluster token.
 */
final class LogRoute {
  static final String PREFIX = "/logs/";

  private LogRoute() {}

  static void serve(ComputeLogs logs, ServerRequest req, ServerResponse res) throws IOException {
    if (req.prologue().method() != Method.GET) {
      plain(res, Status.METHOD_NOT_ALLOWED_405, "only GET\n");
      return;
    }
    if (!authorized(logs.token(), req.headers().first(HeaderNames.AUTHORIZATION).orElse(""))) {
      plain(res, Status.UNAUTHORIZED_401, "the cluster token is required for logs\n");
      return;
    }
    String executionId =
        URLDecoder.decode(req.path().rawPath().substring(PREFIX.length()), StandardCharsets.UTF_8);
    long outFrom;
    long errFrom;
    try {
      outFrom = Long.parseLong(req.query().first("stdout").orElse("0"));
      errFrom = Long.parseLong(req.query().first("stderr").orElse("0"));
    } catch (NumberFormatException e) {
      plain(res, Status.BAD_REQUEST_400, "stdout and stderr must be byte positions\n");
      return;
    }
    boolean follow = Boolean.parseBoolean(req.query().first("follow").orElse("false"));
    res.header(HeaderNames.CONTENT_TYPE, "application/octet-stream");
    try (OutputStream body = res.outputStream()) {
      logs.streamer().stream(executionId, outFrom, errFrom, follow, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Compared in constant time: the token is the cluster's only secret. */
  private static boolean authorized(String token, String header) {
    if (token.isBlank()) {
      return true;
    }
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
  }

  private static void plain(ServerResponse res, Status status, String text) {
    res.status(status).header(HeaderValues.CONTENT_TYPE_TEXT_PLAIN).send(text);
  }
}
