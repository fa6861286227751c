package io.bacalhau.core.config;

import java.util.List;
import java.util.Locale;

/**
 * One configuration key: its canonical path ({@code API.Port}), type, default (null when unset), a
 * description for users, whether its value is a secret never to be printed, and the only values it
 * takes when it is a choice ({@code Logging.Level}); empty when any value of its type will do.
 */
public record ConfigKey(
    String path,
    ValueType type,
    Object defaultValue,
    String description,
    boolean secret,
    List<String> choices) {

  public ConfigKey {
    choices = List.copyOf(choices);
  }

  public ConfigKey(
      String path, ValueType type, Object defaultValue, String description, boolean secret) {
    this(path, type, defaultValue, description, secret, List.of());
  }

  /** {@code BACALHAU_} + the key upper-cased with dots as underscores. */
  public String envName() {
    return "BACALHAU_" + path.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  public String lowerPath() {
    return path.toLowerCase(Locale.ROOT);
  }

  /** Typed text ({@code -c}, {@code config set}, environment) as the value stored. */
  public Object parse(String text) {
    return choose(type.fromText(path, text));
  }

  /** A value read from a config file, checked like typed text. */
  public Object parseFile(Object value) {
    return choose(type.fromFile(path, value));
  }

  /** A choice is matched case-blind and stored as the catalogue spells it. */
  private Object choose(Object value) {
    if (choices.isEmpty() || value == null || String.valueOf(value).isEmpty()) {
      return value;
    }
    String text = String.valueOf(value).strip();
    return choices.stream()
        .filter(c -> c.equalsIgnoreCase(text))
        .findFirst()
        .orElseThrow(() -> ConfigProblems.notAChoice(path, text, choices));
  }
}
