package io.bacalhau.bench.crash;

import io.bacalhau.bench.ServedNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A cluster of the packaged distribution on 127.0.0.1: {@code serve --orchestrator} (which starts
 * and supervises its {@code nats-server}) and {@code serve --compute} nodes, each with a data dir
 * and a log of its own under one folder. Every port is chosen once, so a process started again
 * after a {@code kill -9} listens where its predecessor did and published result URLs stay valid.
 */
final class CrashCluster implements AutoCloseable {
  private static final String TOKEN = "crash-cluster-token";
  // What serve --compute prints once it joined its orchestrator.
  private static final String JOINED = "joined its orchestrator; serving until stopped";
  private final Path dist;
  private final Path dir;
  private final int apiPort = freePort();
  private final int natsPort = freePort();
  private final int[] publisherPorts;
  private final String disconnectTimeout;
  private Process orchestrator;
  private final Process[] computes;

  CrashCluster(Path dist, Path dir, int computeNodes, String disconnectTimeout) throws IOException {
    this.dist = dist;
    this.dir = dir;
    this.disconnectTimeout = disconnectTimeout;
    this.computes = new Process[computeNodes];
    this.publisherPorts = new int[computeNodes];
    for (int i = 0; i < computeNodes; i++) {
      publisherPorts[i] = freePort();
    }
  }

  int apiPort() {
    return apiPort;
  }

  int computeNodes() {
    return computes.length;
  }

  Path orchestratorData() {
    return dir.resolve("orchestrator");
  }

  Path computeData(int i) {
    return dir.resolve(computeName(i));
  }

  /** Starts the orchestrator and returns once its API answers (its {@code bacalhau.run}). */
  void startOrchestrator() throws IOException, InterruptedException {
    Path data = orchestratorData();
    Files.createDirectories(data);
    Files.deleteIfExists(data.resolve("bacalhau.run")); // a killed process leaves it behind
    orchestrator =
        start(
            data,
            "orchestrator",
            List.of(
                "Orchestrator.Host=127.0.0.1",
                "Orchestrator.Port=" + natsPort,
                "Orchestrator.Auth.Token=" + TOKEN,
                "Orchestrator.NodeManager.DisconnectTimeout=" + disconnectTimeout),
            List.of("--api-host", "127.0.0.1", "--api-port", String.valueOf(apiPort)),
            List.of("--orchestrator", "--name", "orchestrator"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.exists(data.resolve("bacalhau.run"))) {
      if (!orchestrator.isAlive()) {
        throw new IllegalStateException(
            "orchestrator exited " + orchestrator.exitValue() + "; see " + log("orchestrator"));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("orchestrator did not start within 90 s");
      }
      Thread.sleep(50);
    }
  }

  /**
   * Starts compute node {@code i} and returns once it says it joined: until then its results
   * listener is not up, and a check would take a download refused for a lost result.
   */
  void startCompute(int i) throws IOException, InterruptedException {
    Path log = log(computeName(i));
    int joinedBefore = joins(log);
    computes[i] =
        start(
            computeData(i),
            computeName(i),
            List.of(
                "Compute.Orchestrators=127.0.0.1:" + natsPort,
                "Compute.Auth.Token=" + TOKEN,
                "Compute.Heartbeat.Interval=500ms",
                "Publishers.Types.Local.Port=" + publisherPorts[i]),
            List.of(),
            List.of("--compute", "--name", computeName(i)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (joins(log) == joinedBefore) {
      if (!computes[i].isAlive()) {
        throw new IllegalStateException(
            computeName(i) + " exited " + computes[i].exitValue() + "; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(computeName(i) + " did not join within 90 s; see " + log);
      }
      Thread.sleep(50);
    }
  }

  /** How many times the node's log says it joined (once per process start). */
  private static int joins(Path log) throws IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    return text.split(JOINED, -1).length - 1;
  }

  void killOrchestrator() throws InterruptedException {
    kill(orchestrator);
  }

  void killCompute(int i) throws InterruptedException {
    kill(computes[i]);
  }

  /** The orchestrator's running {@code nats-server}, when it has one. */
  Optional<ProcessHandle> broker() {
    if (orchestrator == null || !orchestrator.isAlive()) {
      return Optional.empty();
    }
    return orchestrator
        .children()
        .filter(p -> p.info().command().map(c -> c.endsWith("nats-server")).orElse(false))
        .filter(ProcessHandle::isAlive)
        .findFirst();
  }

  /** Whether every process of the cluster is still running (none exited by itself). */
  List<String> exited() {
    List<String> gone = new ArrayList<>();
    if (!orchestrator.isAlive()) {
      gone.add("orchestrator (exit " + orchestrator.exitValue() + ")");
    }
    for (int i = 0; i < computes.length; i++) {
      if (!computes[i].isAlive()) {
        gone.add(computeName(i) + " (exit " + computes[i].exitValue() + ")");
      }
    }
    return gone;
  }

  /** Starts again any process that exited by itself, so that one fault does not end the run. */
  void restartExited() throws IOException, InterruptedException {
    if (!orchestrator.isAlive()) {
      startOrchestrator();
    }
    for (int i = 0; i < computes.length; i++) {
      if (!computes[i].isAlive()) {
        startCompute(i);
      }
    }
  }

  Path log(String name) {
    return dir.resolve(name + ".log");
  }

  static String computeName(int i) {
    return "compute-" + (i + 1);
  }

  private Process start(
      Path data, String name, List<String> config, List<String> global, List<String> serveFlags)
      throws IOException {
    Files.createDirectories(data);
    List<String> command = new ArrayList<>(ServedNode.javaCommand(dist));
    command.addAll(List.of("--data-dir", data.toString()));
    for (String c : config) {
      command.addAll(List.of("-c", c));
    }
    command.addAll(global);
    command.add("serve");
    command.addAll(serveFlags);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
    ServedNode.cleanEnvironment(pb, dir);
    pb.directory(dir.toFile());
    return pb.start();
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  private static void kill(Process p) throws InterruptedException {
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
      p.waitFor();
    }
  }

  /** SIGTERM to every process (compute nodes first), SIGKILL to any still running after 30 s. */
  @Override
  public void close() {
    List<Process> all = new ArrayList<>(List.of(computes));
    all.add(orchestrator);
    for (Process p : all) {
      if (p != null && p.isAlive()) {
        p.destroy();
        try {
          if (!p.waitFor(30, TimeUnit.SECONDS)) {
            kill(p);
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
