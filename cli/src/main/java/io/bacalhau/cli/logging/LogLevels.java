package io.bacalhau.cli.logging;

import io.bacalhau.core.config.BacalhauConfig;
import java.util.Locale;

/**
 * Applies {@code Logging.Level} to the CLI's logger (slf4j-simple). Our own messages follow the
 * level; libraries (HTTP clients retrying, Docker's transport) show warnings at most unless the
 * user asks for debug or trace, so their chatter never mixes with a command's output.
 */
public final class LogLevels {
  private static final String PREFIX = "org.slf4j.simpleLogger.";

  private LogLevels() {}

  /**
   * Sets the levels before the first logger is made; slf4j-simple reads them once, so a later
   * change (another shell line) keeps the first level. A level given with -D on the JVM wins.
   */
  public static void apply(BacalhauConfig config) {
    String ours = simpleLevel(config.string("Logging.Level"));
    setUnlessGiven(PREFIX + "log.io.bacalhau", ours);
    setUnlessGiven(PREFIX + "defaultLogLevel", forLibraries(ours));
  }

  /** Libraries: as chatty as debug and trace ask, as quiet as error asks, warnings otherwise. */
  static String forLibraries(String ours) {
    return switch (ours) {
      case "info", "warn" -> "warn";
      default -> ours;
    };
  }

  /** Bacalhau's fatal and panic are errors to slf4j, which has no level above error. */
  static String simpleLevel(String level) {
    String lower = level.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "fatal", "panic" -> "error";
      default -> lower;
    };
  }

  private static void setUnlessGiven(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
