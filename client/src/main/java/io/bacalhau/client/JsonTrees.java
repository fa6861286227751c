package io.bacalhau.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A node's answers read into JSON trees with jackson-core's parser alone: an {@code ObjectMapper}
 * (what {@code readTree} would use) first builds its configuration, type factory and modules, some
 * 300 classes and a tenth of a thin client's start, which reading a tree never uses. The trees are
 * the ones {@code ObjectMapper.readTree} gives: ints, longs and big integers by size, doubles for
 * fractions, the last of duplicate keys.
 */
final class JsonTrees {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {}

  /** The tree of one JSON document; an empty or blank one is an empty object. */
  static JsonNode read(byte[] json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return NODES.objectNode();
      }
      JsonNode tree = read(p, first);
      if (p.nextToken() != null) {
        throw new IOException("more than one JSON value in the answer");
      }
      return tree;
    }
  }

  private static JsonNode read(JsonParser p, JsonToken first) throws IOException {
    if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
      return scalar(p, first);
    }
    // Iterative, so that a deeply nested answer cannot overflow the stack.
    Deque<JsonNode> open = new ArrayDeque<>();
    JsonNode root = first == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
    open.push(root);
    String field = null;
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      if (t == JsonToken.FIELD_NAME) {
        field = p.currentName();
        continue;
      }
      if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        open.pop();
        if (open.isEmpty()) {
          return root;
        }
        continue;
      }
      JsonNode value =
          t == JsonToken.START_OBJECT
              ? NODES.objectNode()
              : t == JsonToken.START_ARRAY ? NODES.arrayNode() : scalar(p, t);
      JsonNode parent = open.peek();
      if (parent instanceof ObjectNode o) {
        o.set(field, value);
      } else {
        ((ArrayNode) parent).add(value);
      }
      if (value.isContainerNode()) {
        open.push(value);
      }
    }
    throw new IOException("the answer's JSON ended early");
  }

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
      default -> throw new IOException("unexpected JSON token " + t);
    };
  }
}
