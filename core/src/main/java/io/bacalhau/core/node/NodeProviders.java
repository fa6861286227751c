package io.bacalhau.core.node;

import io.bacalhau.core.builtin.BuiltinProviders;
import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.plugin.PluginHost;
import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.ProviderFactory;
import java.util.List;

/**
 * The engines, publishers, input sources and analytics sinks of a node, and the plugins they come
 * from, assembled from a {@link NodeSetup}. A broken plugin never makes opening fail: it becomes
 * one of {@link #warnings()}.
 */
public final class NodeProviders implements AutoCloseable {
  private final ProviderRegistry registry;
  private final PluginHost plugins;

  private NodeProviders(ProviderRegistry registry, PluginHost plugins) {
    this.registry = registry;
    this.plugins = plugins;
  }

  /**
   * Factories registered in code as if a plugin of that id provided them (tests and benchmarks of a
   * plugin), each group binding its config from its own source.
   */
  public record InCode(String source, ConfigBinder config, List<ProviderFactory<?, ?>> factories) {
    public InCode {
      factories = List.copyOf(factories);
    }
  }

  /**
   * The built-in providers and every plugin's (or the built-in ones only when the setup names no
   * plugins), then {@code extra}.
   */
  public static NodeProviders open(NodeSetup setup, InCode... extra) {
    ProviderRegistry registry = new ProviderRegistry();
    ProviderLoader loader = loader(setup, registry, setup.providerConfig());
    PluginHost host = null;
    if (setup.plugins() == null) {
      BuiltinProviders.factories().forEach(f -> loader.add(f, BuiltinProviders.SOURCE));
    } else {
      host = PluginHost.open(setup.plugins());
      host.register(loader, registry);
    }
    for (InCode group : extra) {
      ProviderLoader groupLoader = loader(setup, registry, group.config());
      group.factories().forEach(f -> groupLoader.add(f, group.source()));
    }
    return new NodeProviders(registry, host);
  }

  private static ProviderLoader loader(
      NodeSetup setup, ProviderRegistry registry, ConfigBinder config) {
    return new ProviderLoader(
        registry,
        config,
        new ProviderContext(
            setup.dataDir(),
            "",
            setup.hostEnv(),
            setup.addressPolicy(),
            setup.options().gpus().gpus()),
        setup.disabledProviders());
  }

  public ProviderRegistry registry() {
    return registry;
  }

  /** The plugin host, or null for a node of built-in providers only. */
  public PluginHost plugins() {
    return plugins;
  }

  /** One line per plugin problem, each naming the plugin and the reason. */
  public List<String> warnings() {
    return plugins == null ? List.of() : plugins.warnings();
  }

  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      if (plugins != null) {
        plugins.close();
      }
    }
  }
}
