package io.bacalhau.bench.soak;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code bacalhau serve} from the packaged distribution as a process of its own, on 127.0.0.1 and a
 * free port, with a data dir, HOME and config dir inside {@code dir}: nothing of the user's is read
 * or written. Its pid is the JVM's own, so {@code /proc/<pid>} describes the node and nothing else.
 */
final class ServedNode implements AutoCloseable {
  private final Process process;
  private final URI base;
  private final Path log;

  private ServedNode(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  static ServedNode start(Path dist, Path dir) throws IOException, InterruptedException {
    if (!Files.isDirectory(dist.resolve("lib"))) {
      throw new IllegalStateException(
          "no distribution at " + dist + " (build it first: ./bacalhau version, or mvn package)");
    }
    Path data = Files.createDirectories(dir.resolve("data"));
    Path home = Files.createDirectories(dir.resolve("home"));
    Path log = dir.resolve("serve.log");
    int port = freePort();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-Dbacalhau.home=" + dist.toAbsolutePath(),
            "-cp",
            dist.toAbsolutePath().resolve("lib") + "/*",
            "io.bacalhau.cli.Main",
            "--data-dir",
            data.toString(),
            "--api-port",
            Integer.toString(port),
            "serve");
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
    pb.environment().keySet().removeIf(k -> k.toUpperCase(Locale.ROOT).startsWith("BACALHAU_"));
    pb.environment().put("BACALHAU_DISABLEANALYTICS", "true");
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
    Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServedNode node = new ServedNode(p, URI.create("http://127.0.0.1:" + port), log);
    // The node writes bacalhau.run once its API answers.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.exists(data.resolve("bacalhau.run"))) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        node.close();
        throw new IllegalStateException("bacalhau serve did not start:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    return node;
  }

  long pid() {
    return process.pid();
  }

  URI base() {
    return base;
  }

  Path log() {
    return log;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGTERM, as a user's Ctrl-C; a node that does not stop within 30 s is killed. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
