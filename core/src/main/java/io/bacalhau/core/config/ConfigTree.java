package io.bacalhau.core.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Nested settings with case-insensitive keys: each level is a map from lower-cased key to a value
 * or another level. The spelling first seen (catalogue names win) is kept for display.
 */
final class ConfigTree {
  private final Map<String, Object> root = new LinkedHashMap<>();
  private final Map<String, String> spelling = new LinkedHashMap<>();

  void put(String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> level = root;
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      String lower = parts[i].toLowerCase(Locale.ROOT);
      seen.append(i == 0 ? "" : ".").append(lower);
      String known = ConfigCatalog.get().spelling(seen.toString());
      spelling.putIfAbsent(seen.toString(), known != null ? known : parts[i]);
      if (i == parts.length - 1) {
        level.put(lower, value);
      } else {
        Object next = level.get(lower);
        if (!(next instanceof Map<?, ?>)) {
          next = new LinkedHashMap<String, Object>();
          level.put(lower, next);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> cast = (Map<String, Object>) next;
        level = cast;
      }
    }
  }

  Object get(String path) {
    Object current = root;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part.toLowerCase(Locale.ROOT));
    }
    return current;
  }

  /** The level at {@code path} as a plain map with lower-cased keys (empty when absent). */
  @SuppressWarnings("unchecked")
  Map<String, Object> section(String path) {
    Object found = path.isEmpty() ? root : get(path);
    return found instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** The whole tree with keys spelled for people (PascalCase where the catalogue knows them). */
  Map<String, Object> display() {
    return display(root, "");
  }

  private Map<String, Object> display(Map<String, Object> level, String prefix) {
    Map<String, Object> out = new LinkedHashMap<>();
    level.forEach(
        (k, v) -> {
          String path = prefix.isEmpty() ? k : prefix + "." + k;
          String name = spelling.getOrDefault(path, k);
          @SuppressWarnings("unchecked")
          Object shown = v instanceof Map<?, ?> m ? display((Map<String, Object>) m, path) : v;
          out.put(name, shown);
        });
    return out;
  }
}
