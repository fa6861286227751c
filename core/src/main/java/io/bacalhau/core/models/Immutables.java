package io.bacalhau.core.models;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Null-tolerant copies for record components: a missing collection becomes an empty one, a missing
 * string becomes "", and insertion order is kept so specs print as they were written. A collection
 * that is already such a copy is not copied again: a job is rebuilt several times on its way in.
 */
public final class Immutables {
  private Immutables() {}

  public static <T> List<T> list(List<T> list) {
    if (list == null || list.isEmpty()) {
      return List.of();
    }
    if (list instanceof FrozenList<T> frozen) {
      return frozen; // already a copy of ours: records rebuilt from records share it
    }
    return new FrozenList<>(list.toArray());
  }

  public static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    if (map instanceof FrozenMap<K, V> frozen) {
      return frozen;
    }
    return new FrozenMap<>(map);
  }

  public static String string(String s) {
    return Objects.requireNonNullElse(s, "");
  }
}
