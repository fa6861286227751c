package io.bacalhau.core.config;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;

/**
 * The errors of configuration. Problems in what the user typed carry the detail {@link #USAGE}, so
 * the CLI answers them with its usage exit code; problems in files do not.
 */
public final class ConfigProblems {
  /** Detail key marking a problem in a command line rather than in a file. */
  public static final String USAGE = "Usage";

  private ConfigProblems() {}

  static BacalhauException unknownKey(String key, String closest) {
    return BacalhauException.builder(
            ErrorCode.VALIDATION_ERROR,
            "no matching config key '"
                + key
                + "'"
                + (closest == null ? "" : "; did you mean " + closest + "?"))
        .component("Config")
        .hint("Run 'bacalhau config list' for a list of valid keys.")
        .detail(USAGE, "true")
        .build();
  }

  static BacalhauException wrongType(String key, String value, ValueType type) {
    return BacalhauException.builder(
            ErrorCode.VALIDATION_ERROR,
            "config key " + key + ": '" + value + "' is not " + type.expected())
        .component("Config")
        .detail(USAGE, "true")
        .build();
  }

  static BacalhauException invalid(String key, String problem) {
    return BacalhauException.builder(
            ErrorCode.VALIDATION_ERROR, "config key " + key + ": " + problem)
        .component("Config")
        .detail(USAGE, "true")
        .build();
  }

  static BacalhauException notAChoice(String key, String value, java.util.List<String> choices) {
    return BacalhauException.builder(
            ErrorCode.VALIDATION_ERROR,
            "config key " + key + ": '" + value + "' is not one of " + String.join(", ", choices))
        .component("Config")
        .detail(USAGE, "true")
        .build();
  }

  static BacalhauException usage(String message, String hint) {
    return BacalhauException.builder(ErrorCode.VALIDATION_ERROR, message)
        .component("Config")
        .hint(hint)
        .detail(USAGE, "true")
        .build();
  }

  static BacalhauException file(ErrorCode code, String message, String hint) {
    return BacalhauException.builder(code, message).component("Config").hint(hint).build();
  }
}
