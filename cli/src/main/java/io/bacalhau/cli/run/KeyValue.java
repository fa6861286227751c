package io.bacalhau.cli.run;

import io.bacalhau.cli.errors.UsageException;
import java.util.Locale;
import java.util.Map;

/** The {@code key=value} fields of the -i and -p grammars. */
final class KeyValue {
  private KeyValue() {}

  /** The lower-cased key of a {@code key=value} field, or "" for a bare field. */
  static String key(String field) {
    int eq = field.indexOf('=');
    if (eq <= 0) {
      return "";
    }
    String key = field.substring(0, eq).strip().toLowerCase(Locale.ROOT);
    // a bare URI may hold '=' in its query; only known keys count as keys
    return key.matches("[a-z]+") ? key : "";
  }

  static String value(String field) {
    return field.substring(field.indexOf('=') + 1).strip();
  }

  /** {@code opt=k=v}: adds k to the options, complaining about a missing value. */
  static void option(String flag, String whole, String kv, Map<String, String> options) {
    int eq = kv.indexOf('=');
    if (eq <= 0) {
      throw new UsageException(
          flag + " '" + whole + "': option '" + kv + "' is not key=value",
          "Options are written opt=key=value, e.g. opt=region=eu-west-1.");
    }
    options.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
  }

  static boolean bool(String flag, String whole, String key, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "t" -> true;
      case "false", "0", "no", "f" -> false;
      default ->
          throw new UsageException(
              flag
                  + " '"
                  + whole
                  + "': option "
                  + key
                  + " must be true or false, got '"
                  + value
                  + "'",
              null);
    };
  }
}
