package io.bacalhau.core.providers;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engines, publishers, input sources and analytics sinks a node can use, by kind and
 * case-insensitive type. Providers are created on first use and closed with the registry.
 */
public final class ProviderRegistry implements AutoCloseable {
  private final Map<ProviderKind, Map<String, ProviderEntry>> entries = new ConcurrentHashMap<>();
  private final Map<ProviderEntry, Object> created = new ConcurrentHashMap<>();

  public void register(ProviderEntry entry) {
    entries
        .computeIfAbsent(entry.kind(), k -> new TreeMap<>())
        .putIfAbsent(key(entry.type()), entry);
  }

  public void register(
      ProviderKind kind,
      String type,
      String source,
      Installation installation,
      Supplier<?> provider) {
    register(kind, type, source, () -> installation, provider);
  }

  /** Registers a provider whose installation probe may still be running. */
  public void register(
      ProviderKind kind,
      String type,
      String source,
      Supplier<Installation> probe,
      Supplier<?> provider) {
    register(new ProviderEntry(kind, type, source, probe, provider));
  }

  /** Every entry, sorted by kind then type. */
  public List<ProviderEntry> entries() {
    List<ProviderEntry> all = new ArrayList<>();
    for (ProviderKind kind : ProviderKind.values()) {
      all.addAll(entries.getOrDefault(kind, Map.of()).values());
    }
    return all;
  }

  /** Types of this kind that can run here, sorted. */
  public List<String> installedTypes(ProviderKind kind) {
    return entries.getOrDefault(kind, Map.of()).values().stream()
        .filter(e -> e.installation().installed())
        .map(ProviderEntry::type)
        .toList();
  }

  /** Whether a type of this kind is known at all, installed or not. */
  public boolean knows(ProviderKind kind, String type) {
    return entries.getOrDefault(kind, Map.of()).containsKey(key(type));
  }

  public Engine engine(String type) {
    return get(ProviderKind.ENGINE, type, Engine.class);
  }

  public Publisher publisher(String type) {
    return get(ProviderKind.PUBLISHER, type, Publisher.class);
  }

  public InputSourceProvider inputSource(String type) {
    return get(ProviderKind.INPUT_SOURCE, type, InputSourceProvider.class);
  }

  /** The entry for a type, or an error listing what is available. */
  public ProviderEntry require(ProviderKind kind, String type) {
    ProviderEntry entry = entries.getOrDefault(kind, Map.of()).get(key(type));
    if (entry == null) {
      List<String> known =
          entries.getOrDefault(kind, Map.of()).values().stream().map(ProviderEntry::type).toList();
      throw BacalhauException.builder(
              ErrorCode.VALIDATION_ERROR,
              "no " + kind.noun() + " '" + type + "'; available: " + String.join(", ", known))
          .component("Registry")
          .hint(
              "Install a plugin that provides it into Plugins.Dir, or check 'bacalhau plugin list'.")
          .build();
    }
    if (!entry.installation().installed()) {
      throw BacalhauException.builder(
              ErrorCode.SERVICE_UNAVAILABLE,
              kind.noun()
                  + " '"
                  + entry.type()
                  + "' cannot run here: "
                  + entry.installation().reason())
          .component("Registry")
          .build();
    }
    return entry;
  }

  private <T> T get(ProviderKind kind, String type, Class<T> cls) {
    ProviderEntry entry = require(kind, type);
    return cls.cast(created.computeIfAbsent(entry, ProviderRegistry::create));
  }

  /**
   * Creates a provider; a failure says which provider it was and which plugin it came from. A
   * provider's own structured error (with its hint, retryable) passes unchanged; an Error the
   * plugin boundary contained does not say whose it was, so it gets the prefix too.
   */
  private static Object create(ProviderEntry entry) {
    try {
      return entry.provider().get();
    } catch (RuntimeException e) {
      if (e instanceof BacalhauException b && !(b.getCause() instanceof Error)) {
        throw b;
      }
      String reason =
          e instanceof BacalhauException || e.getMessage() == null
              ? String.valueOf(e.getMessage() == null ? e : e.getMessage())
              : e.getClass().getSimpleName() + ": " + e.getMessage();
      throw BacalhauException.builder(
              ErrorCode.INTERNAL_ERROR,
              entry.kind().noun()
                  + " '"
                  + entry.type()
                  + "' of plugin '"
                  + entry.source()
                  + "' could not be created: "
                  + reason)
          .component("Registry")
          .cause(e)
          .build();
    }
  }

  private static String key(String type) {
    return type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    for (Object provider : created.values()) {
      if (provider instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          org.slf4j.LoggerFactory.getLogger(ProviderRegistry.class)
              .warn("closing {} failed", provider, e);
        }
      }
    }
    created.clear();
  }
}
