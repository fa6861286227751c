package io.bacalhau.cli.devstack;

import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.cli.local.CliProcess;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The devstack's nodes as child processes of this one ({@code bacalhau serve} with a role), each
 * writing to the {@code node.log} of its data dir. They are stopped together: SIGTERM to all, then
 * SIGKILL to any still alive after the grace.
 */
final class StackProcesses implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(7);

  private final Map<String, String> env;
  private final List<Started> started = new CopyOnWriteArrayList<>();

  record Started(StackNode node, Process process) {}

  StackProcesses(Map<String, String> env) {
    this.env = env;
  }

  /** Starts {@code bacalhau --data-dir DIR ARGS...} for the node. */
  Process start(StackNode node, List<String> args) {
    try {
      Files.createDirectories(node.dataDir());
      List<String> cli = new ArrayList<>(List.of("--data-dir", node.dataDir().toString()));
      cli.addAll(args);
      // Small nodes: a devstack runs several JVMs on one machine.
      ProcessBuilder pb =
          CliProcess.builder(List.of("-XX:+UseSerialGC"), cli, env, false)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(node.log().toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Process p = pb.start();
      started.add(new Started(node, p));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + node.name(), e);
    }
  }

  /** The first node that exited, if any. */
  Optional<Started> exited() {
    return started.stream().filter(s -> !s.process().isAlive()).findFirst();
  }

  /** Fails, naming the node, its exit code and the end of its log, if a node has exited. */
  void requireAlive() {
    exited()
        .ifPresent(
            s -> {
              throw new CommandFailedException(
                  ExitCode.ERROR,
                  "devstack node "
                      + s.node().name()
                      + " exited with code "
                      + s.process().exitValue()
                      + ":\n"
                      + tail(s.node().log()),
                  "Its whole log is " + s.node().log() + ".");
            });
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  List<Started> all() {
    return List.copyOf(started);
  }

  /** SIGTERM to every node at once, SIGKILL to those still running after the grace. */
  @Override
  public void close() {
    started.forEach(s -> s.process().destroy());
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (Started s : started) {
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        if (!s.process().waitFor(left, TimeUnit.NANOSECONDS)) {
          s.process().destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        s.process().destroyForcibly();
      }
    }
  }
}
