package io.bacalhau.core.jobspec;

import com.fasterxml.jackson.databind.JsonNode;

/** Names what a user actually wrote, for "expected X, got Y" messages. */
final class TreeKinds {
  private static final int MAX_SHOWN = 40;

  private TreeKinds() {}

  static String describe(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isBoolean()) {
      return "the boolean " + node.asText();
    }
    if (node.isNumber()) {
      return "the number " + shorten(node.asText());
    }
    return "the string \"" + shorten(node.asText()) + "\"";
  }

  static String shorten(String text) {
    return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
  }
}
