package io.bacalhau.cli.serve;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.cli.local.ActivityTracker;
import io.bacalhau.cli.local.BuildId;
import io.bacalhau.cli.local.IdleWatch;
import io.bacalhau.cli.local.LocalNodeRecord;
import io.bacalhau.cli.local.ResidentServing;
import io.bacalhau.cli.local.RunFile;
import io.bacalhau.core.client.api.VersionResponse;
import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.identity.SystemMetadata;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.NodeCluster;
import io.bacalhau.core.node.NodeOptions;
import io.bacalhau.core.node.NodeProviders;
import io.bacalhau.core.node.NodeRoles;
import io.bacalhau.core.node.NodeSetup;
import io.bacalhau.server.ApiServer;
import io.bacalhau.server.ComputeLogs;
import io.bacalhau.server.ResultFileServer;
import io.bacalhau.server.ServerSettings;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bacalhau serve}: this data dir's node working in this process until it is stopped. By
 * default a hybrid on its own (orchestrator and compute), answering Bacalhau's REST API; with
 * {@code --orchestrator} it also accepts compute nodes over NATS, with {@code --compute} it is a
 * compute node of the orchestrators in {@code Compute.Orchestrators} and answers no API. A hybrid
 * accepts compute nodes too when an {@code Orchestrator.Host/Port/Advertise/Auth.Token} is set. On
 * SIGTERM it stops accepting requests and closes the node; unfinished work stays recorded in the
 * store, and the next {@code serve} on the data dir adopts and resumes it.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run this data dir's node and serve Bacalhau's API (/api/v1) until stopped.")
public final class ServeCommand implements Callable<Integer> {
  /** How long a stop waits for the node to close; the CLI halts the JVM after 10 s anyway. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(8);

  /** Longer than a closing node takes (its grace above), shorter than a client waits for us. */
  private static final Duration LOCK_PATIENCE = Duration.ofSeconds(20);

  private final CliSession session;

  @Option(
      names = "--orchestrator",
      description =
          "Run an orchestrator that accepts compute nodes over NATS (Orchestrator.*; default: both"
              + " roles, on their own).")
  boolean orchestrator;

  @Option(
      names = "--compute",
      description =
          "Run a compute node that joins Compute.Orchestrators (default: both roles, on their"
              + " own).")
  boolean compute;

  @Option(names = "--name", description = "The node's name, for a data dir that has none yet.")
  String name;

  @Option(
      names = "--resident",
      hidden = true,
      description =
          "Started on demand by a client: loopback, a random port and token, stops when idle.")
  boolean resident;

  @Option(
      names = "--settings-stamp",
      hidden = true,
      description = "The settings stamp of the client that started it, for later clients.")
  String settingsStamp = "";

  ServeCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws InterruptedException {
    NodeRoles roles = roles();
    if (resident && !roles.isHybrid()) {
      throw new CommandFailedException(
          ExitCode.USAGE, "a resident node is a hybrid", "Leave out --orchestrator and --compute.");
    }
    session.noWorkerOnClose();
    BacalhauConfig config = session.config();
    Path dataDir = config.dataDir();
    PrintStream err = session.err();
    // A resident node may replace one that is still closing; a user's serve is told at once.
    DataDirLock lock = DataDirLock.acquire(dataDir, resident ? LOCK_PATIENCE : Duration.ZERO);
    NodeProviders providers = null;
    EmbeddedNodeClient node = null;
    ApiServer server = null;
    ResultFileServer results = null;
    RunFile run = null;
    ClusterServing cluster = null;
    String token = null;
    CountDownLatch closed = new CountDownLatch(1);
    try {
      String nodeId = nodeId(dataDir);
      NodeSetup setup =
          withLabels(
              NodeSetup.from(config, session.context().env(), session.context()::resolve, true),
              nodeId);
      token = resident ? ResidentServing.newToken(dataDir) : null;
      ServerSettings settings =
          resident
              ? ResidentServing.settings(config, token)
              : ServerConfig.from(config, session.context()::resolve);
      if (roles.orchestrator() && settings.users().isEmpty() && !isLoopback(settings.host())) {
        err.println(
            "Warning: the API listens on "
                + settings.host()
                + " with no API.Auth.Users: anyone who can reach it can run jobs.");
      }
      providers = NodeProviders.open(setup);
      providers.warnings().forEach(w -> err.println("Warning: " + w));
      // The resident node a client starts is always on its own: no broker, no NATS classes.
      if (!resident && ClusterServing.wanted(roles, config)) {
        cluster = ClusterServing.open(roles, config, nodeId);
      }
      node =
          new EmbeddedNodeClient(
              setup,
              providers::registry,
              () -> {},
              cluster == null ? NodeCluster.LOCAL : cluster.cluster());
      node.startWorking();
      ComputeLogs logs =
          cluster == null
              ? null
              : cluster.computeLogs(node.node(), setup.options().executionsDir()).orElse(null);
      // On demand, job get reads results from disk on this machine: no port for them.
      results =
          resident || !roles.compute()
              ? null
              : LocalResultsServing.start(config, logs, err).orElse(null);
      if (cluster != null) {
        cluster.attach(node.node(), LocalResultsServing.url(config, results), err);
      }
      ActivityTracker activity = new ActivityTracker();
      CountDownLatch stopped = new CountDownLatch(1);
      installStopHook(stopped, closed);
      if (!roles.orchestrator()) {
        // A compute node answers no API: its orchestrator does, for the whole cluster.
        err.flush();
        stopped.await();
        return ExitCode.OK;
      }
      server = ApiServer.start(settings, resident ? activity.track(node) : node);
      run =
          RunFile.write(
              dataDir,
              new LocalNodeRecord(
                  settings.host(),
                  server.port(),
                  server.tls(),
                  ProcessHandle.current().pid(),
                  BuildId.current(),
                  settingsStamp,
                  resident));
      if (resident) {
        EmbeddedNodeClient working = node;
        IdleWatch.start(
            dataDir,
            ResidentServing.idleTimeout(config),
            activity,
            () -> ResidentServing.busy(working),
            run,
            stopped::countDown,
            err);
      }
      err.println(
          "Node "
              + nodeId
              + " serving the API on "
              + (settings.tls() ? "https" : "http")
              + "://"
              + settings.host()
              + ":"
              + server.port()
              + " (data dir "
              + dataDir
              + ")");
      err.flush();
      stopped.await();
    } finally {
      closeAll(server, results, node, cluster, providers, run);
      if (resident) {
        ResidentServing.forgetToken(dataDir, token);
      }
      closeAll(lock);
      closed.countDown();
    }
    return ExitCode.OK;
  }

  /** {@code --orchestrator}, {@code --compute}, both, or neither (both: today's hybrid). */
  private NodeRoles roles() {
    return orchestrator == compute ? NodeRoles.HYBRID : new NodeRoles(orchestrator, compute);
  }

  /**
   * SIGTERM or Ctrl-C: the finally of {@link #call} stops accepting, closes the node and tidies up,
   * and the JVM waits for it here (within the CLI's halt deadline).
   */
  private static void installStopHook(CountDownLatch stopped, CountDownLatch closed) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopped.countDown();
                  try {
                    closed.await(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "bacalhau-serve-stop"));
  }

  /** Closes in order, each even if one before it failed: the process is ending. */
  private static void closeAll(AutoCloseable... resources) {
    for (AutoCloseable r : resources) {
      if (r != null) {
        try {
          r.close();
        } catch (Exception e) {
          // Keep closing the rest; what is unfinished stays recorded for the next serve.
        }
      }
    }
  }

  private String nodeId(Path dataDir) {
    SystemMetadata identity = SystemMetadata.loadOrCreate(dataDir, name);
    if (name != null && !name.isBlank() && !name.equals(identity.nodeName())) {
      throw new CommandFailedException(
          ExitCode.USAGE,
          "--name " + name + " differs from this data dir's node name " + identity.nodeName(),
          "A node keeps its name: leave out --name, or serve a new data dir.");
    }
    return identity.nodeName();
  }

  /** Configured Labels plus the automatic ones, which Bacalhau always sets. */
  private static NodeSetup withLabels(NodeSetup setup, String nodeId) {
    NodeOptions o = setup.options();
    Map<String, String> labels = new LinkedHashMap<>(o.labels());
    labels.put("name", nodeId);
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    labels.put("os_type", os.startsWith("mac") ? "darwin" : os);
    labels.put("os_arch", VersionResponse.goArch(System.getProperty("os.arch", "")));
    return setup.withOptions(o.withLabels(labels));
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
