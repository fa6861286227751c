package io.bacalhau.transport.nats.broker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One running {@code nats-server} process. Its configuration, token included, is a file only the
 * owner can read: on the command line the token would show in every {@code ps}.
 */
final class NatsServer {
  private final Process process;
  private final NatsServerLog log;

  private NatsServer(Process process, NatsServerLog log) {
    this.process = process;
    this.log = log;
  }

  /** Starts it and waits until it accepts clients, or fails with its last log lines. */
  static NatsServer start(
      Path binary, String host, int port, String token, BrokerTls tls, Path dir, Duration wait) {
    Path config = dir.resolve("nats-server.conf");
    StaleBroker.stopLeftover(dir, config);
    writeConfig(dir, host, port, token, tls);
    Process process;
    try {
      process =
          new ProcessBuilder(binary.toString(), "-c", config.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw failure("cannot start " + binary + ": " + e.getMessage(), "");
    }
    NatsServerLog log = new NatsServerLog();
    Thread.ofVirtual()
        .name("nats-server-log-" + process.pid())
        .start(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(log::line);
              } catch (IOException | UncheckedIOException e) {
                // The process ended; its exit is handled by the supervisor.
              }
            });
    NatsServer server = new NatsServer(process, log);
    server.awaitReady(host, port, wait);
    return server;
  }

  private void awaitReady(String host, int port, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (!log.ready().await(50, TimeUnit.MILLISECONDS)) {
        if (!process.isAlive()) {
          throw failure(
              "nats-server exited with code "
                  + process.exitValue()
                  + " before listening on "
                  + host
                  + ":"
                  + port,
              log.tail());
        }
        if (System.nanoTime() > deadline) {
          stop();
          throw failure(
              "nats-server was not ready on " + host + ":" + port + " within " + wait, log.tail());
        }
      }
    } catch (InterruptedException e) {
      stop();
      Thread.currentThread().interrupt();
      throw failure("interrupted starting nats-server", "");
    }
  }

  int port() {
    return log.port();
  }

  Process process() {
    return process;
  }

  void stop() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static Path writeConfig(Path dir, String host, int port, String token, BrokerTls tls) {
    try {
      Files.createDirectories(dir);
      Path config = dir.resolve("nats-server.conf");
      Files.deleteIfExists(config);
      Files.createFile(
          config,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      StringBuilder text = new StringBuilder();
      text.append("host: ").append(quoted(host)).append('\n');
      // -1 asks nats-server for a free port; the log then says which one it took.
      text.append("port: ").append(port == 0 ? -1 : port).append('\n');
      if (!token.isEmpty()) {
        text.append("authorization {\n  token: ").append(quoted(token)).append("\n}\n");
      }
      if (tls.enabled()) {
        text.append("tls {\n  cert_file: ")
            .append(quoted(tls.certFile().toAbsolutePath().toString()))
            .append("\n  key_file: ")
            .append(quoted(tls.keyFile().toAbsolutePath().toString()))
            .append('\n');
        if (tls.timeout() != null) {
          // nats-server takes seconds, fractions allowed.
          text.append("  timeout: ").append(tls.timeout().toMillis() / 1000.0).append('\n');
        }
        text.append("}\n");
      }
      text.append("pid_file: ").append(quoted(StaleBroker.pidFile(dir).toString())).append('\n');
      Files.writeString(config, text, StandardCharsets.UTF_8);
      return config;
    } catch (IOException e) {
      throw failure(
          "cannot write the nats-server configuration in " + dir + ": " + e.getMessage(), "");
    }
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static BacalhauException failure(String message, String logTail) {
    var b = BacalhauException.builder(ErrorCode.SERVICE_UNAVAILABLE, message).component("NATS");
    if (!logTail.isBlank()) {
      b.detail("NatsServerLog", logTail);
      b.hint("nats-server said:\n" + logTail);
    }
    return b.build();
  }
}
