package io.bacalhau.core.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of names, so analytics can count distinct namespaces or nodes without learning them. */
public final class Hashing {
  private Hashing() {}

  /** Lower-case hex SHA-256 of the UTF-8 text; an empty or null name stays empty. */
  public static String sha256(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
