package io.bacalhau.core.jobspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bacalhau checks a job's own keys strictly (case-insensitively) because a typo there, such as
 * {@code Taks}, would otherwise silently submit a job with no task. Fields the server owns are
 * refused rather than ignored so that nobody believes they set them.
 */
final class TopLevelKeys {
  static final List<String> ALLOWED =
      List.of(
          "Name",
          "Namespace",
          "Type",
          "Priority",
          "Count",
          "Constraints",
          "Meta",
          "Labels",
          "Tasks");
  static final List<String> SERVER_OWNED =
      List.of("ID", "State", "Version", "Revision", "CreateTime", "ModifyTime");

  private TopLevelKeys() {}

  /** The allowed keys of {@code root}; problems for the others. */
  static ObjectNode check(ObjectNode root, List<SpecProblem> problems) {
    ObjectNode kept = root.objectNode();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String key = e.getKey();
      if (find(ALLOWED, key).isPresent()) {
        kept.set(key, e.getValue());
      } else if (find(SERVER_OWNED, key).isPresent()) {
        problems.add(
            new SpecProblem(
                key, "field: '" + key + "' in 'Job' is not allowed (the server sets it)"));
      } else {
        problems.add(
            new SpecProblem(
                key,
                "unknown field: '"
                    + key
                    + "' in 'Job' (valid fields: "
                    + String.join(", ", ALLOWED)
                    + ")"));
      }
    }
    return kept;
  }

  /**
   * The keys of a Job a client sent whole: the allowed ones and its ID are kept; what else the
   * server owns is dropped, with a warning when it was set (as Bacalhau's sanitizer warns), and
   * keys this version does not know are dropped with a warning.
   */
  static ObjectNode lenient(ObjectNode root, List<String> warnings) {
    ObjectNode kept = root.objectNode();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (find(ALLOWED, key).isPresent() || key.equalsIgnoreCase("ID")) {
        kept.set(key, value);
      } else if (find(SERVER_OWNED, key).isPresent()) {
        if (isSet(value)) {
          warnings.add("job " + key + " is ignored when submitting a job");
        }
      } else {
        warnings.add("unknown field '" + key + "' in 'Job' is ignored");
      }
    }
    return kept;
  }

  /** A value other than the zero a client sends for a field it did not set. */
  private static boolean isSet(JsonNode value) {
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isNumber()) {
      return value.asLong() != 0;
    }
    if (value.isObject()) {
      JsonNode type = get(value, "StateType");
      String t = type == null ? "" : type.asText();
      return !(t.isEmpty() || t.equalsIgnoreCase("Undefined") || t.equals("0"));
    }
    return !value.asText().isEmpty();
  }

  static Optional<String> find(List<String> names, String key) {
    return names.stream().filter(n -> n.equalsIgnoreCase(key)).findFirst();
  }

  /** The value of a key matched case-insensitively; the last spelling wins, as in Go. */
  static JsonNode get(JsonNode node, String name) {
    JsonNode found = null;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        found = e.getValue();
      }
    }
    return found;
  }
}
