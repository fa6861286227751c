package io.bacalhau.core.jobspec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Turns the bytes of a spec file into a tree. JSON is read as JSON (better messages than reading it
 * as YAML); anything else as YAML. Problems name the line where the parser knows it.
 */
final class SpecDocument {
  /** Bacalhau's limit for generic unmarshalling; also bounds what a fuzzer can make us hold. */
  static final int MAX_BYTES = 10 * 1024 * 1024;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();
  private static final ObjectMapper YAML = yamlMapper();

  private SpecDocument() {}

  /** The top-level mapping, or a problem saying why there is none. */
  static JsonNode read(byte[] content) throws SpecFormatException {
    if (content.length > MAX_BYTES) {
      throw new SpecFormatException(
          "the spec is " + content.length + " bytes; the limit is " + MAX_BYTES + " bytes");
    }
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new SpecFormatException("the spec is empty");
    }
    JsonNode root;
    if (looksLikeJson(text)) {
      try {
        root = parse(JSON, text, true);
      } catch (JacksonException jsonError) {
        // YAML flow style ({Type: batch, ...}) also starts with a brace; Bacalhau accepts it.
        try {
          root = parse(YAML, text, false);
        } catch (JacksonException yamlError) {
          throw new SpecFormatException(describe(jsonError, "JSON"));
        }
      }
    } else {
      try {
        root = parse(YAML, text, false);
      } catch (JacksonException e) {
        throw new SpecFormatException(describe(e, "YAML"));
      }
    }
    if (root == null
        || root.isMissingNode()
        || root.isNull()
        || (root.isTextual() && root.asText().isBlank())) {
      throw new SpecFormatException("the spec is empty");
    }
    if (!root.isObject()) {
      throw new SpecFormatException(
          "the spec must be a mapping of fields (Name, Type, Tasks, ...), not "
              + TreeKinds.describe(root));
    }
    return root;
  }

  private static JsonNode parse(ObjectMapper mapper, String text, boolean single)
      throws JacksonException, SpecFormatException {
    try (JsonParser parser = mapper.createParser(text)) {
      JsonNode root = SpecTreeReader.read(parser);
      if (single && parser.nextToken() != null) {
        throw new SpecFormatException(
            "unexpected content after the JSON document (line "
                + parser.currentLocation().getLineNr()
                + ")");
      }
      return root;
    } catch (JacksonException | SpecFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new SpecFormatException("cannot read the spec: " + e.getMessage());
    }
  }

  private static boolean looksLikeJson(String text) {
    String s = text.stripLeading();
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1).stripLeading();
    }
    return s.startsWith("{") || s.startsWith("[");
  }

  private static String describe(JacksonException e, String format) {
    String message = e.getOriginalMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    // SnakeYAML messages repeat the snippet over several lines; the first says what is wrong.
    message = message.lines().findFirst().orElse(message).strip();
    JsonLocation where = e.getLocation();
    String at =
        where != null && where.getLineNr() > 0
            ? " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"
            : "";
    return "not valid " + format + at + ": " + message;
  }

  private static ObjectMapper yamlMapper() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_BYTES);
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    return YAMLMapper.builder(YAMLFactory.builder().loaderOptions(options).build())
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .build();
  }
}
