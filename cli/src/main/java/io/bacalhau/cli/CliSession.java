package io.bacalhau.cli;

import io.bacalhau.cli.node.BackgroundWorker;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.NodeClient;
import io.bacalhau.core.node.NodeOptions;
import io.bacalhau.core.plugin.PluginHost;
import io.bacalhau.core.plugin.PluginSettings;
import io.bacalhau.core.spi.ConfigBinder;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.ProviderLoader;
import io.bacalhau.core.spi.ProviderRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One invocation's state: the context, the global options, and whatever is opened lazily from them
 * (configuration, plugins, the node). Commands that need nothing of it stay cheap.
 */
public final class CliSession implements AutoCloseable {
  private final CliContext context;
  private final GlobalOptions globalOptions = new GlobalOptions();
  private ProviderRegistry registry;
  private PluginHost plugins;
  private EmbeddedNodeClient node;
  private boolean spawnWorkerOnClose = true;
  private volatile String interruptNotice;

  public CliSession(CliContext context) {
    this.context = context;
  }

  public CliContext context() {
    return context;
  }

  public GlobalOptions globalOptions() {
    return globalOptions;
  }

  public PrintStream out() {
    return context.out();
  }

  public PrintStream err() {
    return context.err();
  }

  /** Where state lives: {@code --data-dir}, else {@code BACALHAU_DIR}, else {@code ~/.bacalhau}. */
  public Path dataDir() {
    String flag = globalOptions.dataDir();
    if (flag != null && !flag.isBlank()) {
      return context.resolve(expandHome(flag));
    }
    String env = context.env().get("BACALHAU_DIR");
    if (env != null && !env.isBlank()) {
      return context.resolve(expandHome(env));
    }
    return Path.of(home(), ".bacalhau");
  }

  private String expandHome(String path) {
    return path.startsWith("~") ? home() + path.substring(1) : path;
  }

  private String home() {
    return context.env().getOrDefault("HOME", System.getProperty("user.home"));
  }

  /**
   * The engines, publishers and input sources this process can use: the built-in ones and those of
   * every plugin, loaded once. Problems with plugins are printed once as warnings.
   */
  public synchronized ProviderRegistry providers() {
    if (registry == null) {
      ProviderRegistry providers = new ProviderRegistry();
      ProviderLoader loader =
          new ProviderLoader(
              providers,
              ConfigBinder.DEFAULTS,
              new ProviderContext(dataDir(), "", context.env()),
              Set.of());
      PluginHost host = plugins();
      host.register(loader, providers);
      host.warnings().forEach(w -> err().println("Warning: " + w));
      registry = providers;
    }
    return registry;
  }

  /** The plugins of this process, loaded on first use (never by version, help or completion). */
  public synchronized PluginHost plugins() {
    if (plugins == null) {
      plugins = PluginHost.open(pluginSettings());
    }
    return plugins;
  }

  // Until the configuration (Plugins.Dir, Plugins.Disabled) is read from config.yaml, the
  // environment variables of those keys and the defaults apply.
  private PluginSettings pluginSettings() {
    PluginSettings settings = PluginSettings.defaults(dataDir());
    String dir = context.env().get("BACALHAU_PLUGINS_DIR");
    if (dir != null && !dir.isBlank()) {
      settings = settings.withPluginsDir(context.resolve(expandHome(dir.strip())));
    }
    String disabled = context.env().getOrDefault("BACALHAU_PLUGINS_DISABLED", "");
    return settings.withDisabled(
        Arrays.stream(disabled.split(","))
            .map(String::strip)
            .filter(id -> !id.isEmpty())
            .collect(Collectors.toSet()));
  }

  public NodeOptions nodeOptions() {
    return NodeOptions.defaults(dataDir(), context.env());
  }

  /** The node client commands talk to: for now always the embedded node on the data dir. */
  public synchronized NodeClient node() {
    if (node == null) {
      node =
          new EmbeddedNodeClient(
              nodeOptions(),
              this::providers,
              () -> {
                if (spawnWorkerOnClose) {
                  BackgroundWorker.spawn(this);
                }
              });
    }
    return node;
  }

  /** The embedded node itself, for commands that must work in this process. */
  public EmbeddedNodeClient embeddedNode() {
    return (EmbeddedNodeClient) node();
  }

  /** The background worker itself must not spawn another one when it exits. */
  public void noWorkerOnClose() {
    spawnWorkerOnClose = false;
  }

  /** What to tell the user should the process be interrupted now, e.g. while waiting for a job. */
  public void onInterrupt(String notice) {
    interruptNotice = notice;
  }

  /**
   * The process is being stopped by a signal: say so, and close the node so that the work it leaves
   * behind goes to a background worker.
   */
  public void interrupted() {
    String notice = interruptNotice;
    if (notice != null) {
      err().println();
      err().println(notice);
    }
    close();
    err().flush();
  }

  @Override
  public synchronized void close() {
    if (node != null) {
      node.close();
      node = null;
    }
    if (registry != null) {
      registry.close();
      registry = null;
    }
    if (plugins != null) {
      plugins.close();
      plugins = null;
    }
  }
}
