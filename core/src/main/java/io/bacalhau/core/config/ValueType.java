package io.bacalhau.core.config;

import io.bacalhau.core.models.GoDuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The types config values have, with the conversions from what a user types ({@code config set},
 * {@code -c}, environment variables) and checks of what config files hold.
 */
public enum ValueType {
  STRING("a string"),
  BOOL("true or false"),
  INT("a whole number like 1234"),
  PORT("a port number from 1 to 65535"),
  DURATION("a duration like 30s, 5m or 1h30m"),
  LIST("a comma-separated list like a,b"),
  MAP("key=value pairs like a=1,b=2"),
  QUANTITY("an amount like 500m, 2, 4Gb or a share like 80%"),
  OBJECT("a structured value; set it in the config file");

  private static final Pattern DURATION_TEXT =
      Pattern.compile("0|(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+");
  private static final Pattern QUANTITY_TEXT =
      Pattern.compile(
          "\\d+(\\.\\d+)?%|\\d+(\\.\\d+)?(e\\d+)?\\s*(m|k|K|Ki|M|Mi|G|Gi|T|Ti|P|Pi|[kKmMgGtTpP]i?[bB])?");

  private final String expected;

  ValueType(String expected) {
    this.expected = expected;
  }

  public String expected() {
    return expected;
  }

  public static ValueType parse(String name) {
    return valueOf(name.strip().toUpperCase(Locale.ROOT));
  }

  /** Converts typed text into the value stored, or says why it cannot. */
  public Object fromText(String key, String text) {
    String t = text.strip();
    return switch (this) {
      case STRING -> text;
      case BOOL -> {
        String l = t.toLowerCase(Locale.ROOT);
        if (l.equals("true") || l.equals("1") || l.equals("yes")) {
          yield Boolean.TRUE;
        }
        if (l.equals("false") || l.equals("0") || l.equals("no")) {
          yield Boolean.FALSE;
        }
        throw mismatch(key, text);
      }
      case INT -> {
        try {
          long n = Long.parseLong(t);
          yield n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? (Object) (int) n : (Object) n;
        } catch (NumberFormatException e) {
          throw mismatch(key, text);
        }
      }
      case PORT -> {
        try {
          int port = Integer.parseInt(t);
          if (port < 1 || port > 65_535) {
            throw mismatch(key, text);
          }
          yield port;
        } catch (NumberFormatException e) {
          throw mismatch(key, text);
        }
      }
      case DURATION -> {
        if (!DURATION_TEXT.matcher(t).matches()) {
          throw mismatch(key, text);
        }
        try {
          GoDuration.parse(t);
        } catch (IllegalArgumentException e) {
          throw ConfigProblems.invalid(key, e.getMessage());
        }
        yield t;
      }
      case QUANTITY -> {
        if (!t.isEmpty() && !QUANTITY_TEXT.matcher(t).matches()) {
          throw mismatch(key, text);
        }
        yield t;
      }
      case LIST -> {
        List<String> items = new ArrayList<>();
        for (String item : t.split(",")) {
          if (!item.isBlank()) {
            items.add(item.strip());
          }
        }
        yield items;
      }
      case MAP -> {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : t.split(",")) {
          if (pair.isBlank()) {
            continue;
          }
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            throw mismatch(key, text);
          }
          map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        yield map;
      }
      case OBJECT -> throw mismatch(key, text);
    };
  }

  /** Checks (and lightly normalises) a value read from a config file. */
  public Object fromFile(String key, Object value) {
    if (value == null) {
      return null;
    }
    return switch (this) {
      case STRING -> String.valueOf(value);
      case BOOL -> value instanceof Boolean ? value : fromText(key, String.valueOf(value));
      case INT ->
          value instanceof Integer || value instanceof Long
              ? value
              : fromText(key, String.valueOf(value));
      case PORT, DURATION, QUANTITY -> fromText(key, String.valueOf(value));
      case LIST -> {
        if (value instanceof List<?> list) {
          yield list.stream().map(String::valueOf).toList();
        }
        yield fromText(key, String.valueOf(value));
      }
      case MAP -> {
        if (value instanceof Map<?, ?> map) {
          Map<String, String> copy = new LinkedHashMap<>();
          map.forEach((k, v) -> copy.put(String.valueOf(k), String.valueOf(v)));
          yield copy;
        }
        yield fromText(key, String.valueOf(value));
      }
      case OBJECT -> value;
    };
  }

  private io.bacalhau.core.errors.BacalhauException mismatch(String key, String text) {
    return ConfigProblems.wrongType(key, text, this);
  }
}
