package io.bacalhau.cli.node;

import io.bacalhau.cli.local.CliProcess;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps jobs running after the command that submitted them exits (e.g. {@code job run
 * --wait=false}): starts a detached {@code bacalhau worker} process on the same data dir, which
 * adopts the unowned jobs, runs them to the end, and exits.
 */
public final class BackgroundWorker {
  private BackgroundWorker() {}

  /**
   * @param configArgs the {@code -c} values of the command, passed on so the worker reads the same
   *     configuration
   * @param env the environment the worker runs in (the command's)
   * @param err where a failure to start is reported
   */
  public static void spawn(
      Path dataDir, List<String> configArgs, Map<String, String> env, PrintStream err) {
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    configArgs.forEach(
        c -> {
          args.add("-c");
          args.add(c);
        });
    args.add("worker");
    try {
      Files.createDirectories(dataDir);
      File log = dataDir.resolve("worker.log").toFile();
      ProcessBuilder pb =
          CliProcess.builder(List.of(), args, env, true)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.start();
    } catch (IOException e) {
      err.println(
          "Warning: could not start a background worker ("
              + e.getMessage()
              + "); the job runs when a bacalhau command next waits for jobs on this data dir.");
    }
  }
}
