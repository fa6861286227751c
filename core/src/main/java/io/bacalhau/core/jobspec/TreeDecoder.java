package io.bacalhau.core.jobspec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.bacalhau.core.codec.Codecs;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a tree into the model records the way Bacalhau's Go decoder does: field names match
 * case-insensitively (the record's {@code @JsonProperty} name is the spelling), map keys keep their
 * case, null means "not given". Unlike a data-binding library it keeps going after a bad field, so
 * every type mismatch is reported at once with its path. Unknown nested fields are ignored, as in
 * Bacalhau, but named in a warning because they are usually typos.
 */
final class TreeDecoder {
  private final List<SpecProblem> problems;
  private final List<String> warnings;

  TreeDecoder(List<SpecProblem> problems, List<String> warnings) {
    this.problems = problems;
    this.warnings = warnings;
  }

  /** The record, or null when the node is not a mapping (a problem is recorded). */
  <T extends Record> T record(Class<T> type, JsonNode node, String path) {
    RecordShape shape = RecordShape.of(type);
    if (!node.isObject()) {
      mismatch(path, "a mapping with fields " + shape.fieldNames, node);
      return null;
    }
    Object[] args = shape.defaults();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      int index = shape.index(field.getKey());
      if (index < 0) {
        warnings.add(
            join(path, field.getKey())
                + ": unknown field ignored (valid fields: "
                + shape.fieldNames
                + ")");
        continue;
      }
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      Object decoded =
          value(shape.types[index], value, join(path, shape.names[index]), shape.hints[index]);
      if (decoded != null) {
        args[index] = decoded;
      }
    }
    return shape.construct(type, args);
  }

  private Object value(Type type, JsonNode node, String path, String hint) {
    if (type == String.class) {
      return string(node, path, hint);
    }
    if (type == int.class || type == long.class) {
      return whole(type == int.class, node, path, hint);
    }
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      return list(p.getActualTypeArguments()[0], node, path);
    }
    if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      return map(p.getActualTypeArguments()[1], node, path);
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      return record(c.asSubclass(Record.class), node, path);
    }
    problems.add(new SpecProblem(path, "cannot be set in a job spec"));
    return null;
  }

  /** Numbers and booleans are taken as the text they were written as: YAML users skip quotes. */
  private String string(JsonNode node, String path, String hint) {
    if (node.isValueNode()) {
      return node.asText();
    }
    mismatch(path, hint != null ? hint : "a string", node);
    return null;
  }

  private Object whole(boolean isInt, JsonNode node, String path, String hint) {
    String expected = hint != null ? hint : "a whole number";
    if (!node.isIntegralNumber() && !(node.isNumber() && isWholeDecimal(node))) {
      mismatch(path, expected, node);
      return null;
    }
    if (isInt ? !node.canConvertToInt() : !node.canConvertToLong()) {
      problems.add(new SpecProblem(path, "the number " + node.asText() + " is too large"));
      return null;
    }
    return isInt ? (Object) node.asInt() : (Object) node.asLong();
  }

  private static boolean isWholeDecimal(JsonNode node) {
    double d = node.asDouble();
    return !Double.isInfinite(d) && d == Math.rint(d);
  }

  private List<Object> list(Type element, JsonNode node, String path) {
    if (!node.isArray()) {
      mismatch(path, "a list", node);
      return null;
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String itemPath = path + "[" + i + "]";
      if (item.isNull()) {
        problems.add(new SpecProblem(itemPath, "empty list entry"));
        continue;
      }
      Object decoded = value(element, item, itemPath, null);
      if (decoded != null) {
        out.add(decoded);
      }
    }
    return out;
  }

  private Map<String, Object> map(Type valueType, JsonNode node, String path) {
    if (!node.isObject()) {
      mismatch(path, "a mapping of names to values", node);
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      if (valueType == Object.class) {
        // Plugin params stay untyped here; each plugin decodes its own.
        out.put(e.getKey(), Codecs.json().convertValue(v, Object.class));
      } else if (v.isNull()) {
        out.put(e.getKey(), "");
      } else {
        String s = string(v, path + "." + e.getKey(), null);
        if (s != null) {
          out.put(e.getKey(), s);
        }
      }
    }
    return out;
  }

  private void mismatch(String path, String expected, JsonNode got) {
    problems.add(
        new SpecProblem(path, "expected " + expected + ", got " + TreeKinds.describe(got)));
  }

  static String jsonName(RecordComponent c) {
    JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
    if (p == null) {
      p = c.getAnnotation(JsonProperty.class);
    }
    return p != null ? p.value() : c.getName();
  }

  static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
