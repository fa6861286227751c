package io.bacalhau.cli.shell;

import java.nio.file.Path;
import java.util.Map;

/** {@code bacalhau> }, naming the data dir when it is not the default one. */
final class ShellPrompt {
  private ShellPrompt() {}

  static String of(Map<String, String> env, Path dataDir) {
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    Path standard = Path.of(home, ".bacalhau").toAbsolutePath().normalize();
    return dataDir.toAbsolutePath().normalize().equals(standard)
        ? "bacalhau> "
        : "bacalhau [" + dataDir + "]> ";
  }
}
