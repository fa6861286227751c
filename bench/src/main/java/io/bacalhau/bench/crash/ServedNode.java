package io.bacalhau.bench.crash;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bacalhau serve} process of the packaged distribution on a data dir, on 127.0.0.1, that
 * the harness starts, kills with SIGKILL and starts again on the same data dir and ports.
 */
final class ServedNode implements AutoCloseable {
  private final Path dist;
  private final Path dataDir;
  private final Path log;
  private final int apiPort;
  private final int publisherPort;
  private Process process;

  ServedNode(Path dist, Path dataDir, Path log) throws IOException {
    this.dist = dist;
    this.dataDir = dataDir;
    this.log = log;
    this.apiPort = freePort();
    this.publisherPort = freePort();
  }

  int apiPort() {
    return apiPort;
  }

  Path dataDir() {
    return dataDir;
  }

  Path dist() {
    return dist;
  }

  /** Starts serving and returns once {@code bacalhau.run} says the API listens. */
  void start() throws IOException, InterruptedException {
    // A killed process leaves its bacalhau.run behind: wait for the new process's own.
    Files.deleteIfExists(dataDir.resolve("bacalhau.run"));
    List<String> command = new ArrayList<>(javaCommand(dist));
    command.addAll(
        List.of(
            "--data-dir",
            dataDir.toString(),
            "--api-port",
            String.valueOf(apiPort),
            "-c",
            "Publishers.Types.Local.Port=" + publisherPort,
            "serve"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    cleanEnvironment(pb, dataDir.getParent());
    process = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.exists(dataDir.resolve("bacalhau.run"))) {
      if (!process.isAlive()) {
        throw new IllegalStateException("serve exited " + process.exitValue() + "; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("serve did not start within 90 s; see " + log);
      }
      Thread.sleep(50);
    }
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** SIGTERM, then SIGKILL when the node does not stop within 30 s. */
  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The distribution's JVM and main class, as the {@code bacalhau} launcher starts them. */
  static List<String> javaCommand(Path dist) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED",
        "-Dbacalhau.home=" + dist,
        "-cp",
        dist.resolve("lib") + "/*",
        "io.bacalhau.cli.Main");
  }

  /** No BACALHAU_* setting of the caller's leaks in; HOME is the harness's own folder. */
  static void cleanEnvironment(ProcessBuilder pb, Path home) {
    pb.environment()
        .keySet()
        .removeIf(k -> k.toUpperCase(java.util.Locale.ROOT).startsWith("BACALHAU_"));
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
    pb.environment().put("BACALHAU_DISABLEANALYTICS", "true");
    pb.environment().put("BACALHAU_IN_PROCESS", "1");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
