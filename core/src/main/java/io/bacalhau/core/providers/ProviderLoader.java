package io.bacalhau.core.providers;

import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.ProviderFactory;
import io.bacalhau.core.spi.analytics.AnalyticsFactory;
import io.bacalhau.core.spi.engine.EngineFactory;
import io.bacalhau.core.spi.publisher.PublisherFactory;
import io.bacalhau.core.spi.storage.InputSourceFactory;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns factories into registry entries: binds their config, probes them, wraps creation. */
public final class ProviderLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderLoader.class);
  private static final Executor PROBES =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("provider-probe-", 0).factory());

  private final ProviderRegistry registry;
  private final ConfigBinder binder;
  private final ProviderContext context;
  private final Set<String> disabled;

  /**
   * @param disabled lower-cased {@code kind:type} pairs turned off by {@code Engines.Disabled} and
   *     the like
   */
  public ProviderLoader(
      ProviderRegistry registry,
      ConfigBinder binder,
      ProviderContext context,
      Set<String> disabled) {
    this.registry = registry;
    this.binder = binder;
    this.context = context;
    this.disabled = Set.copyOf(disabled);
  }

  public static Optional<ProviderKind> kindOf(ProviderFactory<?, ?> factory) {
    return switch (factory) {
      case EngineFactory<?> f -> Optional.of(ProviderKind.ENGINE);
      case PublisherFactory<?> f -> Optional.of(ProviderKind.PUBLISHER);
      case InputSourceFactory<?> f -> Optional.of(ProviderKind.INPUT_SOURCE);
      case AnalyticsFactory<?> f -> Optional.of(ProviderKind.ANALYTICS);
      default -> Optional.empty();
    };
  }

  public static String disabledKey(ProviderKind kind, String type) {
    return (kind.name() + ":" + type).toLowerCase(Locale.ROOT);
  }

  /** Registers one factory; a factory that throws is reported and skipped. */
  public <C> void add(ProviderFactory<C, ?> factory, String source) {
    Optional<ProviderKind> kind = kindOf(factory);
    if (kind.isEmpty()) {
      LOG.warn(
          "{}: {} is not an engine, publisher, input source or analytics factory", source, factory);
      return;
    }
    String type = factory.type();
    if (disabled.contains(disabledKey(kind.get(), type))) {
      return;
    }
    C config = binder.bind(factory.configSection(), factory.configType());
    // Probes (a Docker ping, an endpoint check) run in the background: a command waits for one
    // only when it asks about that provider, and never for a provider its job does not use.
    CompletableFuture<Installation> probe =
        CompletableFuture.supplyAsync(() -> probe(factory, config), PROBES);
    registry.register(kind.get(), type, source, probe::join, () -> factory.create(config, context));
  }

  private static <C> Installation probe(ProviderFactory<C, ?> factory, C config) {
    try {
      return factory.isInstalled(config);
    } catch (BacalhauException e) {
      return Installation.missing("installation probe failed: " + e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      return Installation.missing("installation probe failed: " + e);
    }
  }
}
