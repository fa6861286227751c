package io.bacalhau.core.jobspec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Translates the legacy {@code StorageSpec} (one struct with a field per storage kind) into today's
 * {@code InputSource} ({@code Source: {Type, Params}}, {@code Target}, {@code Alias}).
 */
final class LegacyStorageSpecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String SUPPORTED = "ipfs, urlDownload, s3, inline, localDirectory";

  private LegacyStorageSpecs() {}

  /** The InputSource tree, or null after recording a problem. */
  static ObjectNode toInputSource(
      JsonNode spec, String defaultTarget, String path, List<SpecProblem> problems) {
    if (!spec.isObject()) {
      problems.add(
          new SpecProblem(path, "expected a StorageSpec mapping, got " + TreeKinds.describe(spec)));
      return null;
    }
    ObjectNode source = source(spec, path, problems);
    if (source == null) {
      return null;
    }
    ObjectNode input = NODES.objectNode();
    input.set("Source", source);
    String name = text(spec, "Name");
    if (!name.isBlank()) {
      input.put("Alias", name);
    }
    String target = text(spec, "Path");
    input.put("Target", target.isBlank() && defaultTarget != null ? defaultTarget : target);
    return input;
  }

  private static ObjectNode source(JsonNode spec, String path, List<SpecProblem> problems) {
    String kind = text(spec, "StorageSource").strip().toLowerCase(Locale.ROOT);
    if (kind.isEmpty()) {
      kind = guessKind(spec);
    }
    ObjectNode params = NODES.objectNode();
    String type;
    switch (kind) {
      case "ipfs" -> {
        type = "ipfs";
        params.put("CID", text(spec, "CID"));
      }
      case "urldownload", "url" -> {
        type = "urlDownload";
        params.put("URL", text(spec, "URL"));
      }
      case "inline" -> {
        type = "inline";
        params.put("URL", text(spec, "URL"));
      }
      case "s3" -> {
        type = "s3";
        JsonNode s3 = TopLevelKeys.get(spec, "S3");
        if (s3 != null && s3.isObject()) {
          copy(s3, params, "Bucket", "Bucket");
          copy(s3, params, "Key", "Key");
          copy(s3, params, "Region", "Region");
          copy(s3, params, "Endpoint", "Endpoint");
          copy(s3, params, "VersionID", "VersionID");
          copy(s3, params, "Checksum", "ChecksumSHA256");
        }
      }
      case "localdirectory", "local" -> {
        type = "local";
        params.put("SourcePath", text(spec, "SourcePath"));
        JsonNode rw = TopLevelKeys.get(spec, "ReadWrite");
        params.put("ReadWrite", rw != null && rw.asBoolean(false));
      }
      case "" -> {
        problems.add(
            new SpecProblem(
                path + ".StorageSource", "missing storage source (one of " + SUPPORTED + ")"));
        return null;
      }
      default -> {
        problems.add(
            new SpecProblem(
                path + ".StorageSource",
                "storage source '" + kind + "' is not supported (supported: " + SUPPORTED + ")"));
        return null;
      }
    }
    ObjectNode source = NODES.objectNode();
    source.put("Type", type);
    source.set("Params", params);
    return source;
  }

  /** Old specs often left StorageSource out and let the filled-in field say what it is. */
  private static String guessKind(JsonNode spec) {
    if (!text(spec, "CID").isBlank()) {
      return "ipfs";
    }
    String url = text(spec, "URL");
    if (!url.isBlank()) {
      return url.startsWith("data:") ? "inline" : "urldownload";
    }
    if (TopLevelKeys.get(spec, "S3") != null) {
      return "s3";
    }
    return text(spec, "SourcePath").isBlank() ? "" : "localdirectory";
  }

  private static void copy(JsonNode from, ObjectNode to, String fromKey, String toKey) {
    String v = text(from, fromKey);
    if (!v.isBlank()) {
      to.put(toKey, v);
    }
  }

  /** A scalar field as text, matched case-insensitively; "" when absent or not a scalar. */
  static String text(JsonNode node, String key) {
    JsonNode v = TopLevelKeys.get(node, key);
    return v != null && v.isValueNode() && !v.isNull() ? v.asText() : "";
  }
}
