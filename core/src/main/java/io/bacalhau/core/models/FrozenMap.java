package io.bacalhau.core.models;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A map copied once by {@link Immutables#map}, in insertion order, and never changed: a record
 * rebuilt from another keeps it instead of copying it again. Every change throws.
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {
  private final Map<K, V> entries;

  FrozenMap(Map<K, V> source) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return entries.entrySet();
  }

  @Override
  public Set<K> keySet() {
    return entries.keySet();
  }

  @Override
  public Collection<V> values() {
    return entries.values();
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public V get(Object key) {
    return entries.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    return entries.getOrDefault(key, defaultValue);
  }

  @Override
  public void forEach(BiConsumer<? super K, ? super V> action) {
    entries.forEach(action);
  }
}
