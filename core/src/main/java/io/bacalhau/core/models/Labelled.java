package io.bacalhau.core.models;

/**
 * An enum constant with the name Bacalhau writes for it; {@link #find} is the one lookup all such
 * enums share: by label, case-insensitive, or by its number where JSON carries one.
 */
public interface Labelled {
  String label();

  /** The constant labelled {@code text} (ignoring case and outer blanks), else {@code fallback}. */
  static <E extends Enum<E> & Labelled> E find(E[] values, String text, E fallback) {
    String wanted = text == null ? "" : text.strip();
    for (E e : values) {
      if (e.label().equalsIgnoreCase(wanted)) {
        return e;
      }
    }
    return fallback;
  }

  /** As {@link #find}, also accepting the constant's number (its ordinal), as a number or text. */
  static <E extends Enum<E> & Labelled> E findByLabelOrCode(E[] values, Object value, E fallback) {
    if (value instanceof Number n) {
      int i = n.intValue();
      return i >= 0 && i < values.length ? values[i] : fallback;
    }
    String text = String.valueOf(value).strip();
    for (E e : values) {
      if (String.valueOf(e.ordinal()).equals(text)) {
        return e;
      }
    }
    return find(values, text, fallback);
  }
}
