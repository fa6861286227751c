package io.bacalhau.cli;

import io.bacalhau.cli.local.ResidentNode;
import io.bacalhau.cli.logging.LogLevels;
import io.bacalhau.cli.node.BackgroundWorker;
import io.bacalhau.cli.profile.ProfileEndpoint;
import io.bacalhau.cli.profile.ProfileStore;
import io.bacalhau.client.ApiEndpoint;
import io.bacalhau.client.HttpNodeClient;
import io.bacalhau.client.StartupTrace;
import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.config.ConfigInputs;
import io.bacalhau.core.config.ConfigLoader;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.NodeProviders;
import io.bacalhau.core.node.NodeSetup;
import io.bacalhau.core.plugin.PluginHost;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.results.ResultDownloader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One invocation's state: the context, the global options, and whatever is opened lazily from them
 * (configuration, plugins, the node). Commands that need nothing of it stay cheap.
 *
 * <p>Opening holds this session's lock while plugin code runs (a factory's {@code type()}, say),
 * and plugin code may never return: it may call {@code System.exit}, whose shutdown hook then
 * closes this session. So {@link #close} and {@link #interrupted} never take that lock: what was
 * opened is published in atomic references, and an opener that finishes after the session closed
 * closes what it made itself.
 */
public final class CliSession implements AutoCloseable {
  private final CliContext context;
  private final GlobalOptions globalOptions = new GlobalOptions();
  private final SilenceableOutput out;
  private final SilenceableOutput err;
  private final AtomicReference<NodeProviders> providers = new AtomicReference<>();
  private final AtomicReference<NodeClient> node = new AtomicReference<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile LoadedConfig config;
  private volatile boolean spawnWorkerOnClose = true;
  private volatile boolean orderlyExit;
  private volatile String interruptNotice;

  public CliSession(CliContext context) {
    this.context = context;
    this.out = new SilenceableOutput(context.out());
    this.err = new SilenceableOutput(context.err());
  }

  /** The configuration and what it was loaded from. */
  private record LoadedConfig(ConfigInputs inputs, BacalhauConfig config) {}

  public CliContext context() {
    return context;
  }

  public GlobalOptions globalOptions() {
    return globalOptions;
  }

  /** Where the command writes its data; silent once the process is being stopped. */
  public PrintStream out() {
    return out.stream();
  }

  /** Where the command writes progress and errors; silent once the process is being stopped. */
  public PrintStream err() {
    return err.stream();
  }

  /**
   * The effective configuration, loaded on first use (cheap: it reads config files only) and again
   * when the global options change, as they may from one shell line to the next.
   */
  public BacalhauConfig config() {
    ConfigInputs inputs =
        new ConfigInputs(
            context.env(),
            context.workingDir(),
            globalOptions.config(),
            globalOptions.dataDir(),
            globalOptions.apiHost(),
            globalOptions.apiPort());
    LoadedConfig loaded = config;
    if (loaded != null && loaded.inputs().equals(inputs)) {
      return loaded.config(); // without the lock: closing asks for it (the data dir)
    }
    synchronized (this) {
      loaded = config;
      if (loaded == null || !loaded.inputs().equals(inputs)) {
        BacalhauConfig c = new ConfigLoader().load(inputs);
        LogLevels.apply(c);
        c.warnings().forEach(w -> err().println("Warning: " + w));
        loaded = new LoadedConfig(inputs, c);
        config = loaded;
      }
      return loaded.config();
    }
  }

  /** A config file was changed ({@code config set}): the next {@link #config()} reads it again. */
  public void configChanged() {
    config = null;
  }

  /**
   * Where state lives: {@code --data-dir}, {@code BACALHAU_DIR}, config, else {@code ~/.bacalhau}.
   */
  public Path dataDir() {
    return config().dataDir();
  }

  /** What this process's node is made of: the configuration, read as a node that serves no API. */
  public NodeSetup nodeSetup() {
    orderlyExit = true; // a node in this process: its libraries may count on shutdown hooks
    return NodeSetup.from(config(), context.env(), context::resolve, false);
  }

  /**
   * The engines, publishers and input sources this process can use: the built-in ones and those of
   * every plugin, loaded once. Problems with plugins are printed once as warnings.
   */
  public ProviderRegistry providers() {
    return nodeProviders().registry();
  }

  /** The plugins of this process, loaded on first use (never by version, help or completion). */
  public PluginHost plugins() {
    return nodeProviders().plugins();
  }

  private synchronized NodeProviders nodeProviders() {
    checkOpen();
    if (providers.get() == null) {
      NodeProviders opened = NodeProviders.open(nodeSetup());
      opened.warnings().forEach(w -> err().println("Warning: " + w));
      publish(providers, opened);
    }
    return providers.get();
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
                // A resident node is found or started; an in-process one opened, plugins first.
                // No instanceof: testing for the embedded client would load its class in a thin
                // client.
                if (remoteNodeNamed() || !inProcess()) {
                  node();
                } else {
                  providers();
                  ((EmbeddedNodeClient) node()).node();
                }
              } catch (RuntimeException | LinkageError e) {
                // the command's own thread reports it when it gets there
              }
            });
  }

  /**
   * The node commands talk to: the one at {@code API.Host}/{@code API.Port} when the user named one
   * (flag, environment or config file), over its REST API; else the data dir's local node: the
   * resident one, started on demand, over its API, or in this process ({@link #inProcess}).
   */
  public synchronized NodeClient node() {
    checkOpen();
    if (node.get() == null) {
      StartupTrace.mark("node asked for");
      publish(node, remoteNodeNamed() ? remoteNode() : inProcess() ? embedded() : residentNode());
      StartupTrace.mark("node client made");
    }
    return node.get();
  }

  /**
   * Whether the local node runs in this process rather than in the background: {@code
   * BACALHAU_IN_PROCESS} (1/true or 0/false) wins over {@code LocalNode.Mode}.
   */
  public boolean inProcess() {
    String flag = context.env().getOrDefault("BACALHAU_IN_PROCESS", "").strip();
    if (!flag.isEmpty()) {
      return !List.of("0", "false", "no").contains(flag.toLowerCase(java.util.Locale.ROOT));
    }
    if (!mayNameANode() && !context.env().containsKey("BACALHAU_LOCALNODE_MODE")) {
      return false; // nothing could have set LocalNode.Mode: its default
    }
    return config().string("LocalNode.Mode").strip().equalsIgnoreCase("in-process");
  }

  /**
   * Whether a node is named, as opposed to left to the defaults: by {@code API.Host}/{@code
   * API.Port} (flags, environment, config files), else by a profile ({@code --profile}, {@code
   * BACALHAU_PROFILE}, else the selected one).
   */
  public boolean remoteNodeNamed() {
    return mayNameANode() && (explicitNode() || profileName().isPresent());
  }

  /**
   * False only when nothing could name a node: no flag, variable or {@code -c} that could, and no
   * config file or selected profile in the data dir. Then the configuration need not be loaded to
   * know (about 60 ms, which {@code version} would otherwise pay just to ask).
   */
  boolean mayNameANode() {
    Map<String, String> env = context.env();
    if (globalOptions.apiHost() != null
        || globalOptions.apiPort() != null
        || globalOptions.profile() != null
        || !globalOptions.config().isEmpty()
        || Stream.of("BACALHAU_API_HOST", "BACALHAU_API_PORT", "BACALHAU_PROFILE")
            .anyMatch(name -> !env.getOrDefault(name, "").isBlank())) {
      return true;
    }
    Path dataDir = defaultDataDir();
    return Files.exists(dataDir.resolve("config.yaml"))
        || Files.isSymbolicLink(dataDir.resolve("profiles").resolve("current"));
  }

  /**
   * The data dir as long as no config file or {@code -c} value can move it: {@code --data-dir},
   * {@code BACALHAU_DIR}/{@code BACALHAU_DATADIR}, else {@code ~/.bacalhau}.
   */
  private Path defaultDataDir() {
    Map<String, String> env = context.env();
    String dir = globalOptions.dataDir();
    for (String variable : List.of("BACALHAU_DIR", "BACALHAU_DATADIR")) {
      if (dir == null || dir.isBlank()) {
        dir = env.get(variable);
      }
    }
    if (dir == null || dir.isBlank()) {
      dir = "~/.bacalhau";
    }
    if (dir.startsWith("~")) {
      dir = env.getOrDefault("HOME", System.getProperty("user.home")) + dir.substring(1);
    }
    return context.resolve(dir);
  }

  private boolean explicitNode() {
    BacalhauConfig c = config();
    return c.isSet("API.Host") || c.isSet("API.Port");
  }

  /** The profile in use; one named by flag or environment must exist. */
  private Optional<String> profileName() {
    String named = globalOptions.profile();
    if (named == null || named.isBlank()) {
      named = context.env().getOrDefault("BACALHAU_PROFILE", "");
    }
    ProfileStore profiles = new ProfileStore(dataDir());
    if (!named.isBlank()) {
      profiles.require(named.strip());
      return Optional.of(named.strip());
    }
    return profiles.current();
  }

  /** The node commands talk to over its API, when one is named; empty for the embedded node. */
  public Optional<ApiEndpoint> namedEndpoint() {
    return remoteNodeNamed() ? Optional.of(endpoint()) : Optional.empty();
  }

  private ApiEndpoint endpoint() {
    if (explicitNode()) {
      return ApiEndpoint.from(config(), context.env());
    }
    String name = profileName().orElseThrow();
    String ca = config().string("API.TLS.CAFile").strip();
    return ProfileEndpoint.of(
        name,
        new ProfileStore(dataDir()).require(name),
        context.env(),
        ca.isEmpty() ? null : Path.of(ca));
  }

  private NodeClient remoteNode() {
    // Results are fetched here, with this machine's providers, where the node says they are.
    return new HttpNodeClient(
        endpoint(),
        (results, out, raw, stall) ->
            ResultDownloader.forJobGet(providers(), dataDir(), stall).download(results, out, raw));
  }

  /** The resident node of the data dir over its API, started first if none answers. */
  private NodeClient residentNode() {
    boolean configured = mayNameANode();
    Path dir = configured ? dataDir() : defaultDataDir();
    ResidentNode.Connection found =
        ResidentNode.connect(
            new ResidentNode.Request(
                dir, globalOptions.config(), context.env(), context.workingDir()));
    String ca = configured ? config().string("API.TLS.CAFile").strip() : "";
    ApiEndpoint endpoint =
        new ApiEndpoint(
            URI.create(found.node().address()),
            found.token() == null
                ? ApiEndpoint.authorization(context.env()) // a user's serve: the user's key
                : "Bearer " + found.token(),
            ca.isEmpty() ? null : Path.of(ca),
            configured && config().bool("API.TLS.Insecure"),
            ApiEndpoint.DEFAULT_TIMEOUT);
    return new HttpNodeClient(
        endpoint,
        (results, out, raw, stall) ->
            ResultDownloader.forJobGet(providers(), dataDir(), stall).download(results, out, raw));
  }

  private NodeClient embedded() {
    return new EmbeddedNodeClient(nodeSetup(), this::providers, this::orphanedWorkLeft);
  }

  /** Jobs are left with no live owner as this process closes its node: a worker takes them. */
  private void orphanedWorkLeft() {
    if (spawnWorkerOnClose) {
      BackgroundWorker.spawn(config().dataDir(), globalOptions.config(), context.env(), err());
    }
  }

  /** The embedded node itself, for commands that must work in this process. */
  public synchronized EmbeddedNodeClient embeddedNode() {
    orderlyExit = true;
    checkOpen();
    if (node.get() == null) {
      publish(node, embedded());
    }
    if (node.get() instanceof EmbeddedNodeClient embedded) {
      return embedded;
    }
    throw new IllegalStateException("this session talks to a remote node");
  }

  /** The command runs code that may count on the JVM's shutdown hooks (the shell's terminal). */
  public void needsOrderlyExit() {
    orderlyExit = true;
  }

  /**
   * Whether, once closed, this session's process may end without the JVM's shutdown sequence:
   * nothing ran in it but a client (no node, plugins or shell), whose work closing the session
   * finished. {@code System.exit} would start the JDK's logging (to log the exit, should that be
   * asked for): some 300 classes and 10-15 ms of every short command.
   */
  boolean mayHalt() {
    return !orderlyExit;
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
   * The process is being stopped (a signal, or plugin code calling {@code System.exit}): the
   * command's own output stops, the user is told what becomes of the job, and the node is closed so
   * that the work it leaves behind goes to a background worker. Called by the shutdown hook while
   * the command may still run, so it never waits for this session's lock.
   */
  public void interrupted() {
    out.silence();
    err.silence();
    String notice = interruptNotice;
    if (notice != null) {
      PrintStream raw = context.err();
      raw.println();
      raw.println(notice);
      raw.flush();
    }
    close();
  }

  /**
   * Closes the node, then the providers and plugins, once; a second caller waits until the first is
   * done. Takes no lock a command may hold (see the class comment).
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitClosed();
      return;
    }
    try {
      RuntimeException failure = closeAll(node.getAndSet(null), providers.getAndSet(null));
      if (failure != null) {
        throw failure;
      }
    } finally {
      closed.countDown();
    }
  }

  private void awaitClosed() {
    boolean interrupted = false;
    while (true) {
      try {
        closed.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Publishes what an opener made; if the session closed meanwhile, closes it instead. */
  private <T extends AutoCloseable> void publish(AtomicReference<T> slot, T made) {
    slot.set(made);
    if (closing.get() && slot.compareAndSet(made, null)) {
      closeAll(made);
      throw new IllegalStateException("the session is closed");
    }
  }

  /** Closes each (nulls skipped) even if one fails; returns the first failure, if any. */
  private static RuntimeException closeAll(AutoCloseable... resources) {
    RuntimeException failure = null;
    for (AutoCloseable resource : resources) {
      if (resource == null) {
        continue;
      }
      try {
        resource.close();
      } catch (Exception e) {
        RuntimeException unchecked =
            e instanceof RuntimeException r ? r : new IllegalStateException(e);
        if (failure == null) {
          failure = unchecked;
        } else {
          failure.addSuppressed(unchecked);
        }
      }
    }
    return failure;
  }

  private void checkOpen() {
    if (closing.get()) {
      throw new IllegalStateException("the session is closed");
    }
  }
}
