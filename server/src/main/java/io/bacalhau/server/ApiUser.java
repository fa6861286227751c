package io.bacalhau.server;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * One entry of {@code API.Auth.Users}: a username with a password (plain, or a bcrypt hash starting
 * {@code $2}) and/or an API key, and the capabilities granted to it. {@link #toString} never shows
 * a secret.
 */
public record ApiUser(String username, String password, String apiKey, List<String> capabilities) {

  public ApiUser {
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    apiKey = apiKey == null ? "" : apiKey;
    capabilities = List.copyOf(capabilities);
  }

  boolean matchesPassword(String user, String given) {
    if (username.isEmpty() || password.isEmpty() || !username.equals(user)) {
      return false;
    }
    if (password.startsWith("$2")) {
      return BCrypt.verifyer()
          .verify(given.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))
          .verified;
    }
    return constantTimeEquals(password, given);
  }

  boolean matchesApiKey(String given) {
    return !apiKey.isEmpty() && constantTimeEquals(apiKey, given);
  }

  boolean may(Capability needed) {
    return capabilities.stream().anyMatch(needed::grantedBy);
  }

  /** Who the user is in messages: the username, else an anonymous name for a key. */
  String name() {
    return username.isEmpty() ? "API key user" : username;
  }

  private static boolean constantTimeEquals(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ApiUser[" + name() + ", capabilities=" + capabilities + "]";
  }
}
