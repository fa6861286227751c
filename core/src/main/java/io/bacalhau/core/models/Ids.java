package io.bacalhau.core.models;

import java.util.UUID;

/** Bacalhau's identifiers: a one-letter kind prefix and a UUID; short forms keep 8 hex digits. */
public final class Ids {
  private Ids() {}

  public static String job() {
    return "j-" + UUID.randomUUID();
  }

  public static String execution() {
    return "e-" + UUID.randomUUID();
  }

  public static String evaluation() {
    return "v-" + UUID.randomUUID();
  }

  public static String node() {
    return "n-" + UUID.randomUUID();
  }

  /** {@code j-47805f5c-...} becomes {@code j-47805f5c}; anything else is left as it is. */
  public static String shortId(String id) {
    if (id == null) {
      return "";
    }
    if (id.length() > 10 && id.charAt(1) == '-') {
      return id.substring(0, 10);
    }
    return id;
  }
}
