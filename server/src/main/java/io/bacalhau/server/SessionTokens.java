package io.bacalhau.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bearer tokens {@code POST /api/v1/auth/Password} hands out: JSON Web Tokens (HS256) naming
 * the user, valid for a month as Bacalhau's are. They are signed with a key made when the server
 * starts and kept only in memory, so a restart ends every session (users sign in again) and no key
 * lies on disk. A token grants what its user's entry grants at the time of each request.
 */
final class SessionTokens {
  static final Duration LIFETIME = Duration.ofDays(30);
  private static final String ISSUER = "bacalhau";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final SecretKeySpec key;
  private final Clock clock;

  SessionTokens(Clock clock) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.clock = clock;
  }

  String issue(String username) {
    long now = clock.instant().getEpochSecond();
    ObjectNode claims = ApiJson.mapper().createObjectNode();
    claims.put("iss", ISSUER);
    claims.put("sub", username);
    claims.put("iat", now);
    claims.put("exp", now + LIFETIME.toSeconds());
    String body;
    try {
      body = B64.encodeToString(ApiJson.mapper().writeValueAsBytes(claims));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String signed = HEADER + "." + body;
    return signed + "." + B64.encodeToString(sign(signed));
  }

  /** The user a token names, if this server signed it and it has not expired. */
  Optional<String> verify(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(HEADER)) {
      return Optional.empty();
    }
    try {
      byte[] given = Base64.getUrlDecoder().decode(parts[2]);
      if (!MessageDigest.isEqual(given, sign(parts[0] + "." + parts[1]))) {
        return Optional.empty();
      }
      JsonNode claims = ApiJson.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (claims.path("exp").asLong(0) <= clock.instant().getEpochSecond()) {
        return Optional.empty();
      }
      String user = claims.path("sub").asText("");
      return user.isEmpty() ? Optional.empty() : Optional.of(user);
    } catch (IllegalArgumentException | IOException malformed) {
      return Optional.empty();
    }
  }

  private byte[] sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
