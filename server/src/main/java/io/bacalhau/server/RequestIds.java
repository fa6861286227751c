package io.bacalhau.server;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
            .orElseGet(RequestIds::newId);
    req.context().register(new Id(id));
    res.header(X_REQUEST_ID, id);
    chain.proceed();
  }

  /**
   * A random (version 4) UUID from the thread's generator: an ID correlates, it guards nothing, so
   * it need not cost a read of the system's secure generator on every request.
   */
  static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long high = (r.nextLong() & ~0xF000L) | 0x4000L;
    long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  static String of(ServerRequest req) {
    return req.context().get(Id.class).map(Id::value).orElse("");
  }
}
