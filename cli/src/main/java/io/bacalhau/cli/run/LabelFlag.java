package io.bacalhau.cli.run;

import io.bacalhau.cli.errors.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses {@code -l/--labels} values ({@code k=v} or bare {@code k}) as Kubernetes labels. */
public final class LabelFlag {
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
  private static final Pattern PREFIX =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private LabelFlag() {}

  public static Map<String, String> parse(List<String> values) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String entry : values) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      String key = (eq < 0 ? entry : entry.substring(0, eq)).strip();
      String value = eq < 0 ? "" : entry.substring(eq + 1).strip();
      String problem = keyProblem(key);
      if (problem == null && !value.isEmpty() && !NAME.matcher(value).matches()) {
        problem =
            "value '"
                + value
                + "' must be 63 characters or less of [A-Za-z0-9-_.], starting"
                + " and ending with a letter or digit";
      }
      if (problem != null) {
        throw new UsageException(
            "--labels '" + entry + "': " + problem,
            "Labels are key=value or key, e.g. -l team=ml.");
      }
      labels.put(key, value);
    }
    return labels;
  }

  /** Why a label key is invalid, or null. Also used for selector keys. */
  static String keyProblem(String key) {
    int slash = key.lastIndexOf('/');
    String prefix = slash < 0 ? "" : key.substring(0, slash);
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0 && (prefix.length() > 253 || !PREFIX.matcher(prefix).matches())) {
      return "key prefix '" + prefix + "' must be a DNS subdomain";
    }
    if (!NAME.matcher(name).matches()) {
      return "key '"
          + key
          + "' must be 63 characters or less of [A-Za-z0-9-_.], starting and"
          + " ending with a letter or digit";
    }
    return null;
  }
}
