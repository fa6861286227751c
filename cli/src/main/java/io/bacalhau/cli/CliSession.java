package io.bacalhau.cli;

import io.bacalhau.cli.logging.LogLevels;
import io.bacalhau.cli.node.BackgroundWorker;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.net.AddressPolicy;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.NodeClient;
import io.bacalhau.core.node.NodeOptions;
import io.bacalhau.core.node.NodeSettings;
import io.bacalhau.core.plugin.PluginHost;
import io.bacalhau.core.plugin.PluginSettings;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.ProviderKind;
import io.bacalhau.core.spi.ProviderLoader;
import io.bacalhau.core.spi.ProviderRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * One invocation's state: the context, the global options, and whatever is opened lazily from them
 * (configuration, plugins, the node). Commands that need nothing of it stay cheap.
 */
public final class CliSession implements AutoCloseable {
  private final CliContext context;
  private final GlobalOptions globalOptions = new GlobalOptions();
  private ProviderRegistry registry;
  private PluginHost plugins;
  private BacalhauConfig config;
  private ConfigInputs configInputs;
  private EmbeddedNodeClient node;
  private boolean closed;
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

  /**
   * The effective configuration, loaded on first use (cheap: it reads config files only) and again
   * when the global options change, as they may from one shell line to the next.
   */
  public synchronized BacalhauConfig config() {
    ConfigInputs inputs =
        new ConfigInputs(
            context.env(),
            context.workingDir(),
            globalOptions.config(),
            globalOptions.dataDir(),
            globalOptions.apiHost(),
            globalOptions.apiPort());
    if (config == null || !inputs.equals(configInputs)) {
      config = new ConfigLoader().load(inputs);
      configInputs = inputs;
      LogLevels.apply(config);
      config.warnings().forEach(w -> err().println("Warning: " + w));
    }
    return config;
  }

  /** A config file was changed ({@code config set}): the next {@link #config()} reads it again. */
  public synchronized void configChanged() {
    config = null;
  }

  /**
   * Where state lives: {@code --data-dir}, {@code BACALHAU_DIR}, config, else {@code ~/.bacalhau}.
   */
  public Path dataDir() {
    return config().dataDir();
  }

  /**
   * The engines, publishers and input sources this process can use: the built-in ones and those of
   * every plugin, loaded once. Problems with plugins are printed once as warnings.
   */
  public synchronized ProviderRegistry providers() {
    checkOpen();
    if (registry == null) {
      ProviderRegistry providers = new ProviderRegistry();
      BacalhauConfig c = config();
      // Every command runs an embedded node that serves no API: its jobs come from this machine.
      ProviderLoader loader =
          new ProviderLoader(
              providers,
              c,
              new ProviderContext(dataDir(), "", context.env(), AddressPolicy.from(c, false)),
              disabled(c));
      PluginHost host = plugins();
      host.register(loader, providers);
      host.warnings().forEach(w -> err().println("Warning: " + w));
      registry = providers;
    }
    return registry;
  }

  /**
   * Starts loading the providers and opening the node (its store, its analytics exporter) in the
   * background, for a command that will submit a job after some work of its own (reading a spec):
   * the two overlap. Failures surface when the command asks for them itself.
   */
  public void prepareNode() {
    Thread.ofVirtual()
        .name("node-prefetch")
        .start(
            () -> {
              try {
                providers();
                if (node() instanceof EmbeddedNodeClient embedded) {
                  embedded.node();
                }
              } catch (RuntimeException | LinkageError e) {
                // the command's own thread reports it when it gets there
              }
            });
  }

  /** The plugins of this process, loaded on first use (never by version, help or completion). */
  public synchronized PluginHost plugins() {
    checkOpen();
    if (plugins == null) {
      BacalhauConfig c = config();
      String dir = c.string("Plugins.Dir").strip();
      plugins =
          PluginHost.open(
              PluginSettings.defaults(dataDir())
                  .withPluginsDir(dir.isEmpty() ? null : context.resolve(dir))
                  .withDisabled(Set.copyOf(c.list("Plugins.Disabled"))));
    }
    return plugins;
  }

  /** {@code Engines.Disabled} and the like, as {@code kind:type} pairs. */
  private static Set<String> disabled(BacalhauConfig c) {
    Set<String> off = new HashSet<>();
    for (ProviderKind kind : ProviderKind.values()) {
      if (kind != ProviderKind.ANALYTICS) {
        c.list(kind.configRoot() + ".Disabled")
            .forEach(t -> off.add(ProviderLoader.disabledKey(kind, t)));
      }
    }
    return off;
  }

  public NodeOptions nodeOptions() {
    return NodeSettings.from(config(), context.env());
  }

  /** The node client commands talk to: for now always the embedded node on the data dir. */
  public synchronized NodeClient node() {
    checkOpen();
    if (node == null) {
      node =
          new EmbeddedNodeClient(
              nodeOptions(),
              this::providers,
              () -> {
                if (spawnWorkerOnClose) {
                  BackgroundWorker.spawn(this);
                }
              },
              !config().bool("DisableAnalytics")); // analytics: off means no sink is created
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

  /**
   * Closes the node, then the providers and plugins. The node is closed outside this session's
   * lock: a node still being opened in the background holds its own lock while it asks for the
   * providers.
   */
  @Override
  public void close() {
    EmbeddedNodeClient openNode;
    ProviderRegistry openRegistry;
    PluginHost openPlugins;
    synchronized (this) {
      closed = true;
      openNode = node;
      openRegistry = registry;
      openPlugins = plugins;
      node = null;
      registry = null;
      plugins = null;
    }
    if (openNode != null) {
      openNode.close();
    }
    if (openRegistry != null) {
      openRegistry.close();
    }
    if (openPlugins != null) {
      openPlugins.close();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the session is closed");
    }
  }
}
