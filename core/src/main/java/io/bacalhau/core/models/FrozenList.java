package io.bacalhau.core.models;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A list copied once by {@link Immutables#list} and never changed: a record rebuilt from another
 * (every {@code toBuilder().x(..).build()}) keeps it instead of copying it again. Nulls are kept,
 * as the copies made before did; every change throws.
 */
final class FrozenList<T> extends AbstractList<T> implements RandomAccess {
  private final Object[] items;

  FrozenList(Object[] items) {
    this.items = items;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get(int index) {
    return (T) items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
