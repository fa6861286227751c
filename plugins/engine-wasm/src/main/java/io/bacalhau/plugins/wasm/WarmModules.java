package io.bacalhau.plugins.wasm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Compiled modules kept in memory between jobs, by module SHA-256, at most {@code capacity} of them
 * (least recently used go first): a node runs the same module again without compiling or loading
 * it, and a node fed many different modules does not keep every one's classes for its lifetime. Two
 * jobs asking for the same new module compile it once; the lock is not held while compiling.
 */
final class WarmModules<V> {
  private final Map<String, CompletableFuture<V>> entries;

  WarmModules(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<V>> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The value for a key, made by {@code load} when absent; a failed load is not kept. */
  V get(String key, Supplier<V> load) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> known;
    synchronized (entries) {
      known = entries.putIfAbsent(key, mine);
    }
    if (known != null) {
      return join(known);
    }
    try {
      V value = load.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      synchronized (entries) {
        entries.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  boolean contains(String key) {
    synchronized (entries) {
      return entries.containsKey(key);
    }
  }

  private static <V> V join(CompletableFuture<V> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
