package io.bacalhau.core.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A value as one line of YAML flow text with every string double-quoted and every control character
 * and line break escaped. SnakeYAML's emitter would write a string holding a control character as
 * {@code !!binary}, which reads back as bytes; this writes it as the same string.
 */
final class DoubleQuoted {
  private DoubleQuoted() {}

  static String of(Object value) {
    return switch (value) {
      case String s -> quote(s);
      case List<?> list ->
          list.stream().map(DoubleQuoted::of).collect(Collectors.joining(", ", "[", "]"));
      case Map<?, ?> map ->
          map.entrySet().stream()
              .map(e -> of(String.valueOf(e.getKey())) + ": " + of(e.getValue()))
              .collect(Collectors.joining(", ", "{", "}"));
      case null -> "null";
      default -> String.valueOf(value); // numbers and booleans are plain and need no quotes
    };
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i++);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (printable(c)) {
            out.append(c);
          } else if (Character.isHighSurrogate(c)
              && i < s.length()
              && Character.isLowSurrogate(s.charAt(i))) {
            out.append(c).append(s.charAt(i++)); // a pair is one printable character
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** What YAML lets stand unescaped on one line: not a control character nor a line break. */
  private static boolean printable(char c) {
    return (c >= 0x20 && c < 0x7f)
        || (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029)
        || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff);
  }
}
