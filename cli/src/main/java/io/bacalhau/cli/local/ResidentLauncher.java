package io.bacalhau.cli.local;

import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts {@code bacalhau serve --resident} in the background on a data dir and waits until it
 * answers. Called with the {@link StartLock} held.
 */
final class ResidentLauncher {
  /** The node opens its store and plugins first; a cold JVM on a busy machine takes seconds. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration POLL = Duration.ofMillis(20);

  /**
   * A small heap that gives memory back: the node idles between commands, most of its life, and
   * should not keep a heap sized for a burst.
   */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms16m",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=30",
          "-XX:ReservedCodeCacheSize=64m");

  static final String LOG = "resident.log";

  private ResidentLauncher() {}

  static ResidentNode.Connection start(
      ResidentNode.Request request, String build, String settings) {
    Path dataDir = request.dataDir();
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    request
        .configArgs()
        .forEach(
            c -> {
              args.add("-c");
              args.add(c);
            });
    args.addAll(List.of("serve", "--resident", "--settings-stamp", settings));
    Path log = dataDir.resolve(LOG);
    Process process;
    try {
      Files.createDirectories(dataDir);
      ProcessBuilder pb =
          CliProcess.builder(JVM_OPTIONS, args, request.env(), true)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      if (Files.isDirectory(request.workingDir())) {
        pb.directory(request.workingDir().toFile());
      }
      process = pb.start();
    } catch (IOException e) {
      throw failed(dataDir, "cannot start it: " + e.getMessage());
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<LocalNodeRecord> node = RunFile.read(dataDir);
      if (node.isPresent()
          && node.get().build().equals(build)
          && node.get().settings().equals(settings)
          && ResidentNode.answers(node.get())) {
        Optional<String> token = TokenFile.read(dataDir);
        if (token.isPresent()) {
          return new ResidentNode.Connection(node.get(), token.get());
        }
      }
      if (!process.isAlive()) {
        throw failed(dataDir, "it exited with code " + process.exitValue() + tail(log));
      }
      try {
        // The node announces itself by a file; a short sleep is the simplest wait for one.
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failed(dataDir, "interrupted while it started");
      }
    }
    process.destroy();
    throw failed(
        dataDir, "it did not answer within " + START_TIMEOUT.toSeconds() + " s" + tail(log));
  }

  private static CommandFailedException failed(Path dataDir, String why) {
    return new CommandFailedException(
        ExitCode.ERROR,
        "could not start the local node on " + dataDir + ": " + why,
        "Its log is "
            + dataDir.resolve(LOG)
            + ". To run without a background node, set BACALHAU_IN_PROCESS=1"
            + " (or LocalNode.Mode: in-process).");
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      List<String> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
      return last.isEmpty() ? "" : "\n" + String.join("\n", last);
    } catch (IOException e) {
      return "";
    }
  }
}
