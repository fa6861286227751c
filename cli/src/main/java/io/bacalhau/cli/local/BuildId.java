package io.bacalhau.cli.local;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies the code this process runs: the JDK and every class path entry with its size and
 * modification time. A rebuild of the distribution changes it, so a client can tell that the
 * background node it finds runs older code. Stat-ing the entries takes about a millisecond; reading
 * them would take far longer.
 */
public final class BuildId {
  /** Set by tests to pose as another build; passed on to the node a client starts. */
  public static final String PROPERTY = "bacalhau.build.id";

  private static volatile String current;

  private BuildId() {}

  public static String current() {
    String id = current;
    if (id == null) {
      id = compute();
      current = id;
    }
    return id;
  }

  private static String compute() {
    String forced = System.getProperty(PROPERTY, "").strip();
    if (!forced.isEmpty()) {
      return forced;
    }
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    StringBuilder facts = new StringBuilder();
    facts.append(System.getProperty("java.home")).append('|').append(Runtime.version());
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      File f = new File(entry);
      facts.append('|').append(entry).append(':').append(f.length());
      facts.append(':').append(f.lastModified());
    }
    byte[] hash = digest.digest(facts.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, 8);
  }
}
