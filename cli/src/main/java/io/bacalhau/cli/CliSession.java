package io.bacalhau.cli;

import io.bacalhau.cli.node.BackgroundWorker;
import io.bacalhau.core.builtin.BuiltinProviders;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.NodeClient;
import io.bacalhau.core.node.NodeOptions;
import io.bacalhau.core.spi.ConfigBinder;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.ProviderLoader;
import io.bacalhau.core.spi.ProviderRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * One invocation's state: the context, the global options, and whatever is opened lazily from them
 * (configuration, plugins, the node). Commands that need nothing of it stay cheap.
 */
public final class CliSession implements AutoCloseable {
  private final CliContext context;
  private final GlobalOptions globalOptions = new GlobalOptions();
  private ProviderRegistry registry;
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

  /** The engines, publishers and input sources this process can use, loaded once. */
  public synchronized ProviderRegistry providers() {
    if (registry == null) {
      registry = new ProviderRegistry();
      ProviderLoader loader =
          new ProviderLoader(
              registry,
              ConfigBinder.DEFAULTS,
              new ProviderContext(dataDir(), "", context.env()),
              Set.of());
      BuiltinProviders.factories().forEach(f -> loader.add(f, BuiltinProviders.SOURCE));
    }
    return registry;
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
    }
  }
}
