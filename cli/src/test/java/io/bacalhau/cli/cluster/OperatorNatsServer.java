package io.bacalhau.cli.cluster;

import io.bacalhau.transport.nats.broker.NatsServerBinary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A nats-server run the way an operator runs one for {@code Orchestrator.NATS.URL}: its own process
 * on 127.0.0.1, with a token, that the test (not the orchestrator) kills and starts again on the
 * same port.
 */
final class OperatorNatsServer implements AutoCloseable {
  private final Path binary = NatsServerBinary.find().orElseThrow();
  private final int port;
  private final String token;
  private final Path log;
  private Process process;

  OperatorNatsServer(int port, String token, Path log) {
    this.port = port;
    this.token = token;
    this.log = log;
  }

  String url() {
    return "nats://127.0.0.1:" + port;
  }

  /** Starts it and waits until its port accepts connections. */
  OperatorNatsServer start() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
                List.of(
                    binary.toString(),
                    "-a",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(port),
                    "--auth",
                    token))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return this;
      } catch (IOException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IOException("nats-server did not listen on " + port + "; see " + log, e);
        }
        Thread.sleep(50);
      }
    }
  }

  /** SIGKILL, as a crash: no goodbye to its clients. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
