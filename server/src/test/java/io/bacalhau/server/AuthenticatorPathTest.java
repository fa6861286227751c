package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The authenticator decides on the path it is given. A path with dot segments or empty segments
 * names one route to the authenticator and may name another to a router that tidies it, so such a
 * path is refused rather than judged: an open prefix followed by {@code ..} was let through
 * unauthenticated, and only the router's not tidying {@code %2e%2e} kept it from a closed route.
 */
class AuthenticatorPathTest {
  private final Authenticator auth =
      new Authenticator(
          List.of(new ApiUser("", "", "job-key", List.of("read:job"))),
          new SessionTokens(Clock.systemUTC()));

  @Test
  void aPathThatClimbsOutOfAnOpenRouteIsRefusedNotLetThrough() {
    for (String path :
        List.of(
            "/api/v1/auth/../orchestrator/jobs",
            "/api/v1/auth/Password/../../agent/config",
            "/api/v1/agent/alive/../config",
            "/api/v1/auth/./../orchestrator/nodes",
            "/livez/..",
            "/api/v1/auth/..")) {
      BacalhauException e =
          assertThrows(
              BacalhauException.class, () -> auth.check("GET", path, Optional.empty()), path);
      assertEquals(ErrorCode.BAD_REQUEST, e.code(), path);
    }
  }

  @Test
  void aPathThatBorrowsAnotherResourcesCapabilityIsRefused() {
    for (String path :
        List.of(
            "/api/v1/orchestrator/jobs/../nodes",
            "/api/v1/orchestrator//nodes",
            "/api/v1/orchestrator/./nodes",
            "//api/v1/orchestrator/nodes")) {
      BacalhauException e =
          assertThrows(
              BacalhauException.class,
              () -> auth.check("GET", path, Optional.of("Bearer job-key")),
              path);
      assertEquals(ErrorCode.BAD_REQUEST, e.code(), path);
    }
  }

  @Test
  void canonicalPathsAreJudgedAsBefore() {
    auth.check("GET", "/api/v1/auth/Password", Optional.empty());
    auth.check("GET", "/api/v1/agent/alive/", Optional.empty());
    auth.check("GET", "/api/v1/orchestrator/jobs/j-1..2/history", Optional.of("Bearer job-key"));
    assertEquals(
        ErrorCode.UNAUTHORIZED,
        assertThrows(
                BacalhauException.class,
                () -> auth.check("GET", "/api/v1/orchestrator/jobs", Optional.empty()))
            .code());
    assertEquals(
        ErrorCode.FORBIDDEN,
        assertThrows(
                BacalhauException.class,
                () ->
                    auth.check("GET", "/api/v1/orchestrator/nodes", Optional.of("Bearer job-key")))
            .code());
  }
}
