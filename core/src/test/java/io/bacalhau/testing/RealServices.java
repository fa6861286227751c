package io.bacalhau.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Gate for integration tests that need a real daemon or server. On a laptop without it the test is
 * skipped with the reason; in CI ({@code BACALHAU_REQUIRE_REAL_SERVICES=true} or {@code
 * -Dbacalhau.requireRealServices=true}) a missing service fails the test instead, so nothing skips
 * silently there.
 */
public final class RealServices {
  private RealServices() {}

  public static boolean required() {
    return Boolean.parseBoolean(System.getProperty("bacalhau.requireRealServices", "false"))
        || Boolean.parseBoolean(System.getenv().getOrDefault("BACALHAU_REQUIRE_REAL_SERVICES", ""));
  }

  /** Skips (or, in CI, fails) the calling test when {@code available} is false. */
  public static void require(boolean available, String whatIsMissing) {
    if (available) {
      return;
    }
    if (required()) {
      fail("required real service is missing: " + whatIsMissing);
    }
    assumeTrue(false, "skipped, real service missing: " + whatIsMissing);
  }
}
