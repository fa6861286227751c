package io.bacalhau.cli.run;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.models.LabelKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code -l/--labels} values ({@code k=v} or bare {@code k}) as Kubernetes labels. */
public final class LabelFlag {
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
      String problem = LabelKeys.keyProblem(key);
      if (problem == null) {
        problem = LabelKeys.valueProblem(value);
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
}
