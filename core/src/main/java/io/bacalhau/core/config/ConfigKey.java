package io.bacalhau.core.config;

import java.util.Locale;

/**
 * One configuration key: its canonical path ({@code API.Port}), type, default (null when unset), a
 * description for users, and whether its value is a secret never to be printed.
 */
public record ConfigKey(
    String path, ValueType type, Object defaultValue, String description, boolean secret) {

  /** {@code BACALHAU_} + the key upper-cased with dots as underscores. */
  public String envName() {
    return "BACALHAU_" + path.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  public String lowerPath() {
    return path.toLowerCase(Locale.ROOT);
  }
}
