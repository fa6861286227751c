package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** A clock the test moves. */
  private static final class Later extends Clock {
    Instant now = NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aTokenNamesItsUserForAMonth() {
    Later clock = new Later();
    SessionTokens tokens = new SessionTokens(clock);
    String token = tokens.issue("alice");
    clock.now = NOW.plus(Duration.ofDays(29));
    assertEquals(Optional.of("alice"), tokens.verify(token));
    clock.now = NOW.plus(SessionTokens.LIFETIME);
    assertTrue(tokens.verify(token).isEmpty(), "expired");
  }

  @Test
  void anotherServersOrAnAlteredTokenNamesNoOne() {
    SessionTokens tokens = new SessionTokens(Clock.fixed(NOW, ZoneOffset.UTC));
    String token = tokens.issue("alice");
    assertTrue(
        new SessionTokens(Clock.fixed(NOW, ZoneOffset.UTC)).verify(token).isEmpty(),
        "signed with another key: a restart ends every session");
    String[] parts = token.split("\\.");
    String bob =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"sub\":\"bob\",\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8));
    assertTrue(tokens.verify(parts[0] + "." + bob + "." + parts[2]).isEmpty());
    assertTrue(tokens.verify("not.a.token").isEmpty());
    assertTrue(tokens.verify("").isEmpty());
  }
}
