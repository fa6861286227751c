package io.bacalhau.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as the plain Java values databind makes of them for an {@code Object}: maps (in
 * order), lists, Integer/Long/BigInteger by size, Double, Boolean, String and null.
 */
final class UntypedJson {
  private UntypedJson() {}

  static Map<String, Object> map(JsonNode object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
    return map;
  }

  static Object value(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> map(node);
      case ARRAY -> list(node);
      case NUMBER -> node.numberValue();
      case BOOLEAN -> node.booleanValue();
      case STRING -> node.textValue();
      case BINARY, POJO -> throw new IllegalArgumentException("not a JSON value: " + node);
      case NULL, MISSING -> null;
    };
  }

  private static List<Object> list(JsonNode array) {
    List<Object> list = new ArrayList<>();
    array.forEach(item -> list.add(value(item)));
    return list;
  }
}
