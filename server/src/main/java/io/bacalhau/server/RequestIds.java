package io.bacalhau.server;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;

/**
 * Gives each request an ID (the client's {@code X-Request-ID}, else a new one), echoed in a header
 * and in every error body, so a user's report can be matched with the server's log.
 */
final class RequestIds {
  private static final HeaderName X_REQUEST_ID = HeaderNames.create("X-Request-ID");

  private record Id(String value) {}

  private RequestIds() {}

  static void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    String id =
        req.headers()
            .first(X_REQUEST_ID)
            .filter(v -> !v.isBlank() && v.length() <= 128)
            .orElseGet(() -> UUID.randomUUID().toString());
    req.context().register(new Id(id));
    res.header(X_REQUEST_ID, id);
    chain.proceed();
  }

  static String of(ServerRequest req) {
    return req.context().get(Id.class).map(Id::value).orElse("");
  }
}
