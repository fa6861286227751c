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
