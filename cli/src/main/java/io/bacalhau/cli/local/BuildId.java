package io.bacalhau.cli.local;

import java.io.File;
import java.nio.charset.StandardCharsets;

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
    StringBuilder facts = new StringBuilder();
    facts.append(System.getProperty("java.home")).append('|').append(Runtime.version());
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      File f = new File(entry);
      facts.append('|').append(entry).append(':').append(f.length());
      facts.append(':').append(f.lastModified());
    }
    return hash(facts.toString());
  }

  /**
   * A 64-bit FNV-1a hash in hex: enough to tell builds and settings apart, and unlike a {@code
   * MessageDigest} it needs no security provider, whose start-up a thin client would pay for.
   */
  static String hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return String.format("%016x", h);
  }
}
