package io.bacalhau.cli.devstack;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.config.BacalhauConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bacalhau devstack}: a cluster on this machine's loopback for trying things and for tests.
 * One orchestrator (with its NATS broker) and N compute nodes, each a {@code bacalhau serve} child
 * process with its own data dir; they stop together when this command is stopped.
 */
@Command(
    name = "devstack",
    mixinStandardHelpOptions = true,
    description =
        "Run an orchestrator and compute nodes on loopback, each a process of its own, until"
            + " stopped.")
public final class DevstackCommand implements Callable<Integer> {
  private final CliSession session;

  @Option(
      names = {"--computes", "--compute-nodes"},
      defaultValue = "3",
      description = "How many compute nodes (default ${DEFAULT-VALUE}).")
  int computes;

  @Option(
      names = {"--orchestrators", "--requester-nodes"},
      defaultValue = "1",
      description = "How many orchestrators: 1, or 0 with --hybrids 1 (default ${DEFAULT-VALUE}).")
  int orchestrators;

  @Option(
      names = {"--hybrids", "--hybrid-nodes"},
      defaultValue = "0",
      description = "How many hybrid nodes (orchestrator and compute): 0 or 1 (default 0).")
  int hybrids;

  @Option(
      names = "--stack-repo",
      paramLabel = "<dir>",
      description = "Folder for the nodes' data dirs (default: a new temporary folder).")
  Path stackRepo;

  @Option(
      names = "--random-ports",
      description =
          "Use free ports for the API and NATS instead of API.Port and Orchestrator.Port.")
  boolean randomPorts;

  DevstackCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws Exception {
    BacalhauConfig config = session.config();
    Path root = root();
    List<StackNode> nodes = StackLayout.of(orchestrators, computes, hybrids, root);
    int apiPort = randomPorts ? freePort() : config.integer("API.Port", 1234);
    int natsPort = randomPorts ? freePort() : config.integer("Orchestrator.Port", 4222);
    String token = newToken();
    String natsUrl = "nats://127.0.0.1:" + natsPort;
    PrintStream err = session.err();
    session.noWorkerOnClose();
    CountDownLatch done = new CountDownLatch(1);
    StackProcesses processes = new StackProcesses(session.context().env());
    // Ctrl-C or SIGTERM: every node gets SIGTERM, within the CLI's halt deadline.
    Thread stopper =
        new Thread(
            () -> {
              processes.close();
              done.countDown();
            },
            "bacalhau-devstack-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      StackNode head = nodes.get(0);
      processes.start(head, headArgs(head, apiPort, natsPort, token));
      StackReadiness.awaitApi(head, processes);
      for (StackNode n : nodes.subList(1, nodes.size())) {
        processes.start(n, computeArgs(n, natsUrl, token));
      }
      StackReadiness.awaitNodes(apiPort, nodes, processes);
      printReady(err, session.out(), nodes, apiPort, natsUrl, root);
      while (processes.exited().isEmpty()) {
        if (done.await(500, TimeUnit.MILLISECONDS)) {
          return ExitCode.OK;
        }
      }
      processes.requireAlive();
      return ExitCode.ERROR;
    } catch (RuntimeException e) {
      processes.close();
      throw e;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
        processes.close();
      } catch (IllegalStateException shuttingDown) {
        // the hook stops the nodes
      }
    }
  }

  private List<String> headArgs(StackNode n, int apiPort, int natsPort, String token) {
    List<String> args = nodeConfig(n);
    args.addAll(
        List.of(
            "-c",
            "Orchestrator.Host=127.0.0.1",
            "-c",
            "Orchestrator.Port=" + natsPort,
            "-c",
            "Orchestrator.Auth.Token=" + token,
            "--api-host",
            "127.0.0.1",
            "--api-port",
            String.valueOf(apiPort),
            "serve",
            "--name",
            n.name()));
    args.addAll(List.of(n.roleFlags()));
    return args;
  }

  private List<String> computeArgs(StackNode n, String natsUrl, String token) {
    List<String> args = nodeConfig(n);
    args.addAll(
        List.of(
            "-c",
            "Compute.Orchestrators=" + natsUrl,
            "-c",
            "Compute.Auth.Token=" + token,
            "serve",
            "--name",
            n.name()));
    args.addAll(List.of(n.roleFlags()));
    return args;
  }

  /**
   * The {@code -c} values given to devstack apply to every node (heartbeats, approval, ...); a
   * compute node also gets a port of its own for the results it publishes locally.
   */
  private List<String> nodeConfig(StackNode n) {
    List<String> args = new ArrayList<>();
    if (n.compute()) {
      args.add("-c");
      args.add("Publishers.Types.Local.Port=" + freePort());
    }
    for (String c : session.globalOptions().config()) {
      args.add("-c");
      args.add(c);
    }
    return args;
  }

  private Path root() throws IOException {
    if (stackRepo == null) {
      return Files.createTempDirectory("bacalhau-devstack-");
    }
    Path dir = session.context().resolve(stackRepo.toString());
    Files.createDirectories(dir);
    return dir;
  }

  private static String newToken() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback", e);
    }
  }

  private static void printReady(
      PrintStream err,
      PrintStream out,
      List<StackNode> nodes,
      int apiPort,
      String natsUrl,
      Path root) {
    err.println(
        "Devstack is ready: "
            + nodes.get(0).name()
            + " (API http://127.0.0.1:"
            + apiPort
            + ", NATS "
            + natsUrl
            + ") and "
            + (nodes.size() - 1)
            + " compute node(s); data dirs and node.log files under "
            + root);
    err.println("To use it, run in your shell (Ctrl-C here stops every node):");
    out.println("export BACALHAU_API_HOST=127.0.0.1");
    out.println("export BACALHAU_API_PORT=" + apiPort);
    out.flush();
    err.flush();
  }
}
