package io.bacalhau.core.plugin;

import io.bacalhau.core.builtin.BuiltinProviders;
import io.bacalhau.core.providers.ProviderEntry;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.ProviderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The plugins of one process: loads the bundled and third-party plugins with PF4J, creates their
 * factories, and registers them (after the built-in providers, shown as the pseudo plugin {@value
 * #BUILTIN_ID}) through a {@link ProviderLoader}. Nothing a plugin does wrong stops the others:
 * each problem becomes one warning naming the plugin and the reason, and the plugin shows as
 * failed.
 */
public final class PluginHost implements AutoCloseable {
  public static final String BUILTIN_ID = "builtin";

  private final BacalhauPluginManager manager;
  private final Map<String, PluginInfo> infos = new LinkedHashMap<>();
  private volatile ProviderRegistry registry;
  private final Map<String, Path> sources = new LinkedHashMap<>();
  private final Map<String, List<ProviderFactory<?, ?>>> factories = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private PluginHost(PluginSettings settings) {
    manager =
        new BacalhauPluginManager(
            Stream.of(settings.bundledDir(), settings.pluginsDir())
                .filter(Objects::nonNull)
                .toList(),
            settings.disabled(),
            settings.coreVersion());
  }

  /** Loads and starts every plugin the settings point at; a bad plugin never makes this throw. */
  public static PluginHost open(PluginSettings settings) {
    PluginHost host = new PluginHost(settings);
    host.infos.put(
        BUILTIN_ID,
        new PluginInfo(
            BUILTIN_ID,
            settings.coreVersion(),
            "Bacalhau",
            "Providers built into core",
            "",
            PluginStatus.STARTED,
            "",
            List.of()));
    host.factories.put(BUILTIN_ID, BuiltinProviders.factories());
    PluginArchives archives = new PluginArchives(settings.cacheDir());
    List<PluginCandidate> candidates = new ArrayList<>();
    candidates.addAll(archives.scan(settings.bundledDir(), host::fileProblem));
    candidates.addAll(archives.scan(settings.pluginsDir(), host::fileProblem));
    candidates.forEach(host::load);
    host.manager.startPlugins();
    List.copyOf(host.manager.getPlugins()).forEach(host::collect);
    return host;
  }

  /**
   * Registers the built-in providers, then every plugin's, through the loader (which binds their
   * config and probes whether they are installed). A type that is already registered keeps its
   * first provider.
   */
  public void register(ProviderLoader loader, ProviderRegistry registry) {
    for (Map.Entry<String, List<ProviderFactory<?, ?>>> plugin : factories.entrySet()) {
      String id = plugin.getKey();
      ClassLoader pluginLoader = classLoader(id);
      for (ProviderFactory<?, ?> factory : plugin.getValue()) {
        // Even type() is the plugin's code: every call goes through the boundary.
        ProviderFactory<?, ?> wrapped =
            pluginLoader == null ? factory : PluginCalls.wrap(factory, pluginLoader);
        try {
          ProviderKind kind = ProviderLoader.kindOf(factory).orElseThrow();
          String type = wrapped.type();
          Optional<ProviderEntry> taken = entry(registry, kind, type);
          if (taken.isPresent()) {
            fail(
                id,
                kind.noun()
                    + " '"
                    + type
                    + "' is already provided by '"
                    + taken.get().source()
                    + "'; this one is ignored");
            continue;
          }
          loader.add(wrapped, id);
        } catch (RuntimeException | LinkageError e) {
          fail(id, factory.getClass().getName() + " failed: " + Problems.describe(e));
        }
      }
    }
    this.registry = registry;
  }

  /**
   * Every plugin, the built-in one first, then in the order they were found, with what it provides
   * once registered (asking waits for the providers' installation probes).
   */
  public List<PluginInfo> plugins() {
    return infos.values().stream().map(this::withProvides).toList();
  }

  public Optional<PluginInfo> plugin(String id) {
    return Optional.ofNullable(infos.get(id)).map(this::withProvides);
  }

  private PluginInfo withProvides(PluginInfo info) {
    if (registry == null) {
      return info;
    }
    return info.withProvides(
        registry.entries().stream()
            .filter(e -> e.source().equals(info.id()))
            .map(ProvidedType::of)
            .toList());
  }

  /** One line per problem, each naming the plugin and the reason. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The class loader of a loaded plugin, or null (the built-in providers have none). */
  ClassLoader classLoader(String id) {
    PluginWrapper plugin = manager.getPlugin(id);
    return plugin == null ? null : plugin.getPluginClassLoader();
  }

  private static Optional<ProviderEntry> entry(
      ProviderRegistry registry, ProviderKind kind, String type) {
    return registry.entries().stream()
        .filter(e -> e.kind() == kind && e.type().equalsIgnoreCase(type.strip()))
        .findFirst();
  }

  private void fileProblem(Path file, String reason) {
    String name = file.getFileName().toString();
    warn(name, file, reason);
    infos.put(
        name,
        new PluginInfo(name, "", "", "", file.toString(), PluginStatus.FAILED, reason, List.of()));
  }

  private void warn(String plugin, Path file, String reason) {
    warnings.add("plugin '" + plugin + "' (" + file + "): " + reason);
  }

  private void load(PluginCandidate candidate) {
    String id;
    try {
      id = manager.loadPlugin(candidate.loadable());
    } catch (RuntimeException | LinkageError e) {
      fileProblem(candidate.source(), duplicate(e).orElseGet(() -> Problems.describe(e)));
      return;
    }
    PluginWrapper plugin = manager.getPlugin(id);
    PluginDescriptor d = plugin.getDescriptor();
    sources.put(id, candidate.source());
    PluginStatus status = PluginStatus.STARTED;
    String reason = manager.invalidReason(id);
    if (reason != null) {
      status = PluginStatus.FAILED;
      warn(id, candidate.source(), reason);
    } else if (plugin.getPluginState() == PluginState.DISABLED) {
      status = PluginStatus.DISABLED;
      reason = "turned off by Plugins.Disabled";
    }
    infos.put(
        id,
        new PluginInfo(
            id,
            d.getVersion(),
            d.getProvider(),
            d.getPluginDescription(),
            candidate.source().toString(),
            status,
            reason,
            List.of()));
  }

  /** PF4J's long "already loaded plugin" message, said in a line. */
  private Optional<String> duplicate(Throwable e) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "(?s)already loaded plugin .*? with the same id \\((.+?)\\)")
            .matcher(String.valueOf(e.getMessage()));
    if (!m.find()) {
      return Optional.empty();
    }
    String id = m.group(1);
    return Optional.of(
        "a plugin with id '"
            + id
            + "' is already loaded from "
            + sources.get(id)
            + "; this one is ignored");
  }

  /** Creates the factories of a started plugin. */
  private void collect(PluginWrapper plugin) {
    String id = plugin.getPluginId();
    PluginInfo info = infos.get(id);
    if (info == null || info.status() != PluginStatus.STARTED) {
      return;
    }
    if (plugin.getPluginState() != PluginState.STARTED) {
      fail(id, "it did not start: " + Problems.describe(plugin.getFailedException()));
      return;
    }
    String unreadable = manager.spiFinder().unreadable(id);
    if (unreadable != null) {
      fail(id, "cannot read " + unreadable);
    }
    List<ProviderFactory<?, ?>> created = new ArrayList<>();
    for (String className : manager.getExtensionClassNames(id)) {
      try {
        created.add(FactoryCreator.create(plugin.getPluginClassLoader(), className));
      } catch (FactoryCreator.Failure e) {
        fail(id, e.getMessage());
      }
    }
    factories.put(id, created);
  }

  private void fail(String id, String reason) {
    warn(id, sources.getOrDefault(id, Path.of(id)), reason);
    infos.computeIfPresent(id, (k, info) -> info.failed(reason));
  }

  /**
   * Unloads every plugin and closes its class loader. (PF4J's {@code stopPlugins()} fails with a
   * ConcurrentModificationException once a plugin has started; unloading stops them too.)
   */
  @Override
  public void close() {
    manager.unloadPlugins();
  }
}
