package io.bacalhau.core.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Null-tolerant copies for record components: a missing collection becomes an empty one, a missing
 * string becomes "", and insertion order is kept so specs print as they were written.
 */
public final class Immutables {
  private Immutables() {}

  public static <T> List<T> list(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  public static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  public static String string(String s) {
    return Objects.requireNonNullElse(s, "");
  }
}
