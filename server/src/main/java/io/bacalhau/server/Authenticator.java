package io.bacalhau.server;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Decides who a request comes from ({@code Authorization: Bearer <API key>} or {@code Basic
 * <user:password>}) and whether they hold the capability the route needs. With no users configured
 * everyone may do everything; {@code agent/alive} and {@code agent/version} are always open, so
 * that clients can find out what they are talking to.
 */
final class Authenticator {
  private static final List<String> OPEN_PATHS =
      List.of("/api/v1/agent/alive", "/api/v1/agent/version", "/", "/version", "/livez");

  private final List<ApiUser> users;

  Authenticator(List<ApiUser> users) {
    this.users = List.copyOf(users);
  }

  boolean enabled() {
    return !users.isEmpty();
  }

  /** Throws 401 or 403 unless the request may go on. Secrets never appear in the messages. */
  void check(String method, String path, Optional<String> authorization) {
    if (users.isEmpty() || OPEN_PATHS.contains(stripSlash(path))) {
      return;
    }
    ApiUser user =
        authorization
            .flatMap(this::identify)
            .orElseThrow(
                () ->
                    BacalhauException.builder(
                            ErrorCode.UNAUTHORIZED,
                            authorization.isPresent()
                                ? "invalid credentials"
                                : "authentication required")
                        .component("Auth")
                        .hint(
                            "Set BACALHAU_API_KEY, or BACALHAU_API_USERNAME and"
                                + " BACALHAU_API_PASSWORD, to credentials of API.Auth.Users.")
                        .build());
    Capability needed = Capability.of(method, resource(path));
    if (!user.may(needed)) {
      throw BacalhauException.builder(
              ErrorCode.FORBIDDEN,
              "user '" + user.name() + "' does not have the required capability '" + needed + "'")
          .component("Auth")
          .build();
    }
  }

  private Optional<ApiUser> identify(String header) {
    String h = header.strip();
    int space = h.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = h.substring(0, space);
    String value = h.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Bearer")) {
      return users.stream().filter(u -> u.matchesApiKey(value)).findFirst();
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      String name = decoded.substring(0, colon);
      String password = decoded.substring(colon + 1);
      return users.stream().filter(u -> u.matchesPassword(name, password)).findFirst();
    }
    return Optional.empty();
  }

  /** The resource a path is about: jobs, nodes or the agent. */
  static String resource(String path) {
    if (path.startsWith("/api/v1/orchestrator/nodes")) {
      return "node";
    }
    if (path.startsWith("/api/v1/agent")) {
      return "agent";
    }
    return "job";
  }

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
