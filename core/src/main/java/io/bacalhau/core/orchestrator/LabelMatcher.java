package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.LabelSelectorRequirement;
import java.util.Locale;
import java.util.Map;

/** Evaluates Kubernetes-style label selector requirements against a node's labels. */
public final class LabelMatcher {
  private LabelMatcher() {}

  public static boolean matches(LabelSelectorRequirement req, Map<String, String> labels) {
    String key =
        req.isPreference()
            ? req.key().substring(LabelSelectorRequirement.FAVOUR_PREFIX.length())
            : req.key();
    String value = labels.get(key);
    String first = req.values().isEmpty() ? "" : req.values().get(0);
    return switch (req.operator().strip().toLowerCase(Locale.ROOT)) {
      case "=", "==" -> first.equals(value);
      case "!=" -> !first.equals(value);
      case "in" -> value != null && req.values().contains(value);
      case "notin" -> value == null || !req.values().contains(value);
      case "exists" -> value != null;
      case "!" -> value == null;
      case "gt" -> compare(value, first) > 0;
      case "lt" -> compare(value, first) < 0;
      default -> false;
    };
  }

  private static int compare(String value, String bound) {
    if (value == null) {
      return 0;
    }
    try {
      return Long.compare(Long.parseLong(value.strip()), Long.parseLong(bound.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
