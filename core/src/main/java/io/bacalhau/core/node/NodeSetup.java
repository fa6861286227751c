package io.bacalhau.core.node;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.plugin.PluginSettings;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything a node is assembled from: the one description the CLI, {@code serve}, the benchmarks
 * and the tests all build a node from ({@link NodeProviders} and {@link EmbeddedNodeClient} take
 * it). Each switch has one name and one polarity, the configuration's.
 *
 * @param options the node's own settings: data dir, labels, capacity, env, job defaults, scheduling
 * @param providerConfig where providers read their sections ({@code Engines.Types.Docker}, ...)
 * @param plugins where plugins come from, or null for the built-in providers only
 * @param disabledProviders {@code Engines.Disabled} and the like, as {@code kind:type} keys
 * @param addressPolicy which hosts URLs and endpoints from jobs may reach
 * @param hostEnv the node process's environment (credentials such as AWS_* or DOCKER_HOST)
 * @param disableAnalytics {@code DisableAnalytics}: when true no analytics sink is even created
 */
public record NodeSetup(
    NodeOptions options,
    ConfigBinder providerConfig,
    PluginSettings plugins,
    Set<String> disabledProviders,
    AddressPolicy addressPolicy,
    Map<String, String> hostEnv,
    boolean disableAnalytics) {

  public NodeSetup {
    disabledProviders = Set.copyOf(disabledProviders);
    hostEnv = Map.copyOf(hostEnv);
  }

  /**
   * A node as configured. {@code resolve} turns a configured path ({@code Plugins.Dir}) into an
   * absolute one; {@code servesApi} says whether the node answers beyond loopback, which decides
   * whether jobs may reach loopback addresses.
   */
  public static NodeSetup from(
      BacalhauConfig config,
      Map<String, String> hostEnv,
      Function<String, Path> resolve,
      boolean servesApi) {
    Path dataDir = config.dataDir();
    String pluginsDir = config.string("Plugins.Dir").strip();
    PluginSettings plugins =
        PluginSettings.defaults(dataDir)
            .withPluginsDir(pluginsDir.isEmpty() ? null : resolve.apply(pluginsDir))
            .withDisabled(Set.copyOf(config.list("Plugins.Disabled")));
    return new NodeSetup(
        NodeSettings.from(config, hostEnv),
        config,
        plugins,
        disabledProviders(config),
        AddressPolicy.from(config, servesApi),
        hostEnv,
        config.bool("DisableAnalytics"));
  }

  /**
   * A node with the built-in providers and default settings on {@code dataDir}, analytics off: what
   * tests and benchmarks start from.
   */
  public static NodeSetup builtinOnly(Path dataDir) {
    return new NodeSetup(
        NodeOptions.defaults(dataDir, Map.of()),
        ConfigBinder.DEFAULTS,
        null,
        Set.of(),
        AddressPolicy.embedded(),
        Map.of(),
        true);
  }

  public Path dataDir() {
    return options.dataDir();
  }

  public NodeSetup withOptions(NodeOptions other) {
    return new NodeSetup(
        other,
        providerConfig,
        plugins,
        disabledProviders,
        addressPolicy,
        hostEnv,
        disableAnalytics);
  }

  public NodeSetup withProviderConfig(ConfigBinder other) {
    return new NodeSetup(
        options, other, plugins, disabledProviders, addressPolicy, hostEnv, disableAnalytics);
  }

  private static Set<String> disabledProviders(BacalhauConfig config) {
    Set<String> off = new HashSet<>();
    for (ProviderKind kind : ProviderKind.values()) {
      if (kind != ProviderKind.ANALYTICS) {
        config
            .list(kind.configRoot() + ".Disabled")
            .forEach(t -> off.add(ProviderLoader.disabledKey(kind, t)));
      }
    }
    return off;
  }
}
