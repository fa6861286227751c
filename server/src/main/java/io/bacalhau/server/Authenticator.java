package io.bacalhau.server;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Decides who a request comes from ({@code Authorization: Bearer <API key or session token>} or
 * {@code Basic <user:password>}) and whether they hold the capability the route needs. With no
 * users configured everyone may do everything. As in Bacalhau, what a client needs to find out how
 * to talk to the node is always open: {@code agent/alive}, {@code agent/version}, {@code
 * agent/authconfig} and everything under {@code /api/v1/auth}.
 */
final class Authenticator {
  private static final List<String> OPEN_PATHS =
      List.of(
          "/api/v1/agent/alive",
          "/api/v1/agent/version",
          "/api/v1/agent/authconfig",
          "/",
          "/version",
          "/livez");
  private static final String OPEN_PREFIX = AuthRoutes.PREFIX;

  private final List<ApiUser> users;
  private final SessionTokens sessions;

  Authenticator(List<ApiUser> users, SessionTokens sessions) {
    this.users = List.copyOf(users);
    this.sessions = sessions;
  }

  /** Whether some user signs in with a username and password (the {@code ask} method). */
  boolean hasPasswords() {
    return users.stream().anyMatch(u -> !u.username().isEmpty() && !u.password().isEmpty());
  }

  /** A session token for the user with these credentials, if they match one. */
  Optional<String> login(String username, String password) {
    return users.stream()
        .filter(u -> u.matchesPassword(username, password))
        .findFirst()
        .map(u -> sessions.issue(u.username()));
  }

  boolean enabled() {
    return !users.isEmpty();
  }

  /** Throws 401 or 403 unless the request may go on. Secrets never appear in the messages. */
  void check(String method, String path, Optional<String> authorization) {
    if (users.isEmpty()) {
      return;
    }
    // Helidon tidies literal dot segments before routing, but not percent-encoded ones, which it
    // decodes afterwards: the path judged here must be the one every router would see.
    if (!canonical(path)) {
      throw BacalhauException.badRequest(
          "the path '" + path + "' has '.', '..' or empty segments",
          "Send the path in canonical form, e.g. /api/v1/orchestrator/jobs.");
    }
    if (isOpen(stripSlash(path))) {
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
      Optional<ApiUser> byKey = users.stream().filter(u -> u.matchesApiKey(value)).findFirst();
      if (byKey.isPresent()) {
        return byKey;
      }
      // A session token stands for its user as the entry is now: gone or without a password, no.
      return sessions
          .verify(value)
          .flatMap(
              name ->
                  users.stream()
                      .filter(u -> u.username().equals(name) && !u.password().isEmpty())
                      .findFirst());
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

  private static boolean isOpen(String path) {
    return OPEN_PATHS.contains(path)
        || path.equals(OPEN_PREFIX)
        || path.startsWith(OPEN_PREFIX + "/");
  }

  /** No {@code .}, {@code ..} or empty segment; one trailing slash is fine. */
  static boolean canonical(String path) {
    String[] segments = stripSlash(path).split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String s = segments[i];
      if (s.equals(".") || s.equals("..") || (s.isEmpty() && segments.length > 2)) {
        return false;
      }
    }
    return segments.length > 0 && segments[0].isEmpty();
  }

  private static String stripSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
