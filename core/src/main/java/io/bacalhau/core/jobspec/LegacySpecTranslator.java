package io.bacalhau.core.jobspec;

import static io.bacalhau.core.jobspec.LegacyStorageSpecs.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an {@code APIVersion: V1beta1} job ({@code Spec} with Engine/Docker/Wasm, Publisher,
 * StorageSpec inputs and outputs, Deal, NodeSelectors) into the tree of today's job, so that the
 * one decoder and validator handle both. Like Bacalhau's own legacy transformer it keeps meaning,
 * not wording: {@code Deal.Concurrency} becomes Count, targeting all nodes becomes an ops job, and
 * a missing network means no network (the old default), not today's Default.
 */
final class LegacySpecTranslator {
  static final List<String> TOP_LEVEL = List.of("APIVersion", "Metadata", "Spec");
  static final List<String> VERSIONS = List.of("V1beta1", "V1beta2");
  private static final List<String> SPEC_FIELDS =
      List.of(
          "Engine",
          "EngineSpec",
          "Publisher",
          "PublisherSpec",
          "Docker",
          "Wasm",
          "Resources",
          "Network",
          "Timeout",
          "Inputs",
          "Outputs",
          "Annotations",
          "NodeSelectors",
          "DoNotTrack",
          "Deal");

  private LegacySpecTranslator() {}

  static boolean isLegacy(JsonNode root) {
    return TopLevelKeys.get(root, "APIVersion") != null || TopLevelKeys.get(root, "Spec") != null;
  }

  static ObjectNode translate(ObjectNode root, List<SpecProblem> problems, List<String> warnings) {
    ObjectNode job = root.objectNode();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (TopLevelKeys.find(TOP_LEVEL, e.getKey()).isEmpty()) {
        problems.add(
            new SpecProblem(
                e.getKey(),
                "unknown field: '"
                    + e.getKey()
                    + "' in a legacy Job (valid fields: "
                    + String.join(", ", TOP_LEVEL)
                    + ")"));
      }
    }
    String version = text(root, "APIVersion");
    if (!version.isBlank() && TopLevelKeys.find(VERSIONS, version.strip()).isEmpty()) {
      problems.add(
          new SpecProblem(
              "APIVersion",
              "unsupported APIVersion \""
                  + version
                  + "\" (supported: "
                  + String.join(", ", VERSIONS)
                  + "; or leave APIVersion out and use today's job shape)"));
    }
    JsonNode metadata = TopLevelKeys.get(root, "Metadata");
    if (metadata != null && metadata.isObject() && !metadata.isEmpty()) {
      warnings.add("legacy Metadata (ID, CreatedAt, ClientID, Requester) is ignored");
    }
    JsonNode spec = TopLevelKeys.get(root, "Spec");
    if (spec == null || !spec.isObject()) {
      problems.add(
          new SpecProblem(
              "Spec", "expected a mapping with the job's Spec, got " + TreeKinds.describe(spec)));
      return job;
    }
    for (Map.Entry<String, JsonNode> e : spec.properties()) {
      if (TopLevelKeys.find(SPEC_FIELDS, e.getKey()).isEmpty()) {
        warnings.add("Spec." + e.getKey() + ": legacy field ignored (not supported any more)");
      }
    }
    deal(spec, job, problems);
    copyIfPresent(spec, "NodeSelectors", job, "Constraints");
    JsonNode annotations = TopLevelKeys.get(spec, "Annotations");
    if (annotations != null && annotations.isArray() && !annotations.isEmpty()) {
      ObjectNode labels = job.putObject("Labels");
      annotations.forEach(a -> labels.put(a.asText(), ""));
    }
    job.putArray("Tasks").add(LegacyTaskTranslator.task(spec, problems));
    return job;
  }

  /** Deal.TargetingMode all → ops; otherwise batch with Count = Concurrency (at least 1). */
  private static void deal(JsonNode spec, ObjectNode job, List<SpecProblem> problems) {
    JsonNode deal = TopLevelKeys.get(spec, "Deal");
    boolean all = false;
    int concurrency = 0;
    if (deal != null && deal.isObject()) {
      JsonNode mode = TopLevelKeys.get(deal, "TargetingMode");
      if (mode != null && !mode.isNull()) {
        String m = mode.asText().strip().toLowerCase(Locale.ROOT);
        switch (m) {
          case "true", "all" -> all = true;
          case "false", "any", "" -> all = false;
          default ->
              problems.add(
                  new SpecProblem(
                      "Spec.Deal.TargetingMode",
                      "expected any or all, got " + TreeKinds.describe(mode)));
        }
      }
      JsonNode c = TopLevelKeys.get(deal, "Concurrency");
      if (c != null && c.canConvertToInt() && c.isNumber()) {
        concurrency = c.asInt();
      } else if (c != null && !c.isNull()) {
        problems.add(
            new SpecProblem(
                "Spec.Deal.Concurrency", "expected a whole number, got " + TreeKinds.describe(c)));
      }
    }
    job.put("Type", all ? "ops" : "batch");
    if (!all) {
      job.put("Count", Math.max(1, concurrency));
    }
  }

  static void copyIfPresent(JsonNode from, String fromKey, ObjectNode to, String toKey) {
    JsonNode v = TopLevelKeys.get(from, fromKey);
    if (v != null && !v.isNull()) {
      to.set(toKey, v.deepCopy());
    }
  }

  static ArrayNode array(JsonNode node) {
    return node != null && node.isArray() ? (ArrayNode) node : null;
  }
}
