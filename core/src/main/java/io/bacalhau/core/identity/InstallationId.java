package io.bacalhau.core.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The installation ID: one per user, kept outside any data dir (so a fresh {@code --data-dir} is
 * still the same installation) in {@code $XDG_CONFIG_HOME/bacalhau/installation_id}, falling back
 * to {@code ~/.config/bacalhau/} and, on Windows, {@code %APPDATA%\bacalhau}.
 */
public final class InstallationId {
  static final String FILE = "installation_id";

  private InstallationId() {}

  /** Where the ID lives for this environment. */
  public static Path file(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "bacalhau", FILE);
    }
    String appData = env.get("APPDATA");
    if (appData != null && !appData.isBlank() && isWindows()) {
      return Path.of(appData, "bacalhau", FILE);
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".config", "bacalhau", FILE);
  }

  /**
   * The ID, made on first use. Analytics must never fail a command, so an unwritable config folder
   * gives an empty ID instead of an error.
   */
  public static String loadOrCreate(Map<String, String> env) {
    Path file = file(env);
    try {
      String existing = read(file);
      if (!existing.isEmpty()) {
        return existing;
      }
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
      try {
        Files.writeString(tmp, UUID.randomUUID().toString(), StandardCharsets.UTF_8);
        // A hard link never replaces: when two processes race, the first one's ID stays.
        Files.createLink(file, tmp);
      } catch (FileAlreadyExistsException raced) {
        // Another process made it first; theirs is read below.
      } finally {
        Files.deleteIfExists(tmp);
      }
      return read(file);
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  /** The ID if it was ever made, else empty; never creates it. */
  public static String peek(Map<String, String> env) {
    try {
      return read(file(env));
    } catch (IOException e) {
      return "";
    }
  }

  private static String read(Path file) throws IOException {
    return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("win");
  }
}
