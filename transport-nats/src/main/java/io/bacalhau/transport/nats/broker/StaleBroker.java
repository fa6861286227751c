package io.bacalhau.transport.nats.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nats-server a killed orchestrator left behind. {@code kill -9} skips the JVM's exit hook, so
 * its broker lives on, holding the port, and the next orchestrator on the data dir could not listen
 * there. Each broker writes its pid next to its configuration; a broker still running under that
 * pid with this folder's configuration is stopped before a new one starts.
 */
final class StaleBroker {
  private static final Logger LOG = LoggerFactory.getLogger(StaleBroker.class);

  private StaleBroker() {}

  static Path pidFile(Path dir) {
    return dir.resolve("nats-server.pid");
  }

  static void stopLeftover(Path dir, Path config) {
    Path file = pidFile(dir);
    Optional<ProcessHandle> left = read(file).flatMap(ProcessHandle::of);
    if (left.isEmpty()) {
      return;
    }
    ProcessHandle p = left.get();
    // Only our own broker: a pid may have been reused by anything since.
    boolean ours =
        p.isAlive()
            && p.info().command().map(c -> c.endsWith("nats-server")).orElse(false)
            && p.info().commandLine().map(c -> c.contains(config.toString())).orElse(false);
    if (!ours) {
      return;
    }
    LOG.warn("stopping nats-server pid {} left running by a previous orchestrator", p.pid());
    p.destroy();
    try {
      p.onExit().get(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      p.destroyForcibly();
    } catch (ExecutionException e) {
      // gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Optional<Long> read(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
