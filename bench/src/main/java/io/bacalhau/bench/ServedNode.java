package io.bacalhau.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bacalhau serve} process of the packaged distribution on a data dir, on 127.0.0.1, with
 * HOME and the config dir in the data dir's parent: nothing of the user's is read or written. A
 * harness may start it, kill it with SIGKILL and start it again on the same data dir and ports. Its
 * pid is the JVM's own, so {@code /proc/<pid>} describes the node and nothing else. The soak, crash
 * and fault harnesses all serve through it.
 */
public final class ServedNode implements AutoCloseable {
  private final Path dist;
  private final Path dataDir;
  private final Path log;
  private final int apiPort;
  private final int publisherPort;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> config = new ArrayList<>();
  private Process process;

  public ServedNode(Path dist, Path dataDir, Path log) throws IOException {
    if (!Files.isDirectory(dist.resolve("lib"))) {
      throw new IllegalStateException(
          "no distribution at " + dist + " (build it first: ./bacalhau version, or mvn package)");
    }
    this.dist = dist.toAbsolutePath();
    this.dataDir = dataDir;
    this.log = log;
    this.apiPort = freePort();
    this.publisherPort = freePort();
  }

  /** A node started on {@code dataDir}, its output in {@code log}. */
  public static ServedNode start(Path dist, Path dataDir, Path log)
      throws IOException, InterruptedException {
    ServedNode node = new ServedNode(dist, dataDir, log);
    node.start();
    return node;
  }

  /** An environment variable of the node's (a Docker host, an IPFS API, S3 credentials). */
  public ServedNode env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** A {@code -c KEY=VALUE} setting of the node's. */
  public ServedNode config(String keyValue) {
    config.add(keyValue);
    return this;
  }

  public int apiPort() {
    return apiPort;
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + apiPort);
  }

  public Path dataDir() {
    return dataDir;
  }

  public Path dist() {
    return dist;
  }

  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  /** Starts serving and returns once {@code bacalhau.run} says the API listens. */
  public void start() throws IOException, InterruptedException {
    Files.createDirectories(dataDir);
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
            "Publishers.Types.Local.Port=" + publisherPort));
    for (String c : config) {
      command.addAll(List.of("-c", c));
    }
    command.add("serve");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Path home = Files.createDirectories(dataDir.toAbsolutePath().getParent());
    cleanEnvironment(pb, home);
    pb.directory(home.toFile());
    pb.environment().putAll(env);
    process = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.exists(dataDir.resolve("bacalhau.run"))) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "serve exited " + process.exitValue() + ":\n" + Files.readString(log));
      }
      if (System.nanoTime() > deadline) {
        close();
        throw new IllegalStateException("serve did not start within 90 s; see " + log);
      }
      Thread.sleep(50);
    }
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** SIGTERM, as a user's Ctrl-C; a node that does not stop within 30 s is killed. */
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
  public static List<String> javaCommand(Path dist) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED",
        "-Dbacalhau.home=" + dist,
        "-cp",
        dist.resolve("lib") + "/*",
        "io.bacalhau.cli.Main");
  }

  /** No BACALHAU_* setting of the caller's leaks in; HOME is the harness's own folder. */
  public static void cleanEnvironment(ProcessBuilder pb, Path home) {
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
