package io.bacalhau.cli;

import io.bacalhau.cli.node.BackgroundWorker;
import io.bacalhau.core.builtin.BuiltinProviders;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.NodeClient;
import io.bacalhau.core.node.NodeOptions;
import io.bacalhau.core.node.NodeSettings;
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
  private BacalhauConfig config;
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

  /** The effective configuration, loaded on first use (cheap: it reads config files only). */
  public synchronized BacalhauConfig config() {
    if (config == null) {
      config =
          new ConfigLoader()
              .load(
                  new ConfigInputs(
                      context.env(),
                      context.workingDir(),
                      globalOptions.config(),
                      globalOptions.dataDir(),
                      globalOptions.apiHost(),
                      globalOptions.apiPort()));
      config.warnings().forEach(w -> err().println("Warning: " + w));
    }
    return config;
  }

  /**
   * Where state lives: {@code --data-dir}, {@code BACALHAU_DIR}, config, else {@code ~/.bacalhau}.
   */
  public Path dataDir() {
    return config().dataDir();
  }

  /** The engines, publishers and input sources this process can use, loaded once. */
  public synchronized ProviderRegistry providers() {
    if (registry == null) {
      registry = new ProviderRegistry();
      BacalhauConfig c = config();
      ProviderLoader loader =
          new ProviderLoader(
              registry, c, new ProviderContext(dataDir(), "", context.env()), disabled(c));
      BuiltinProviders.factories().forEach(f -> loader.add(f, BuiltinProviders.SOURCE));
    }
    return registry;
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

  @Override
  public synchronized void close() {
    if (node != null) {
      node.close();
      node = null;
    }
    if (registry != null) {
      registry.close();
    }
  }
}
