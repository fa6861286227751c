package io.bacalhau.cli.node;

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
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED"); // SQLite's JNI library
    String userOptions = env.getOrDefault("BACALHAU_JVM_OPTS", "").strip();
    if (!userOptions.isEmpty()) {
      command.addAll(List.of(userOptions.split("\\s+"))); // split as the launcher splits them
    }
    // The launcher's settings: where the distribution and SQLite's unpacked library are.
    for (String property : List.of("bacalhau.home", "org.sqlite.lib.path", "org.sqlite.lib.name")) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.bacalhau.cli.Main");
    command.add("--data-dir");
    command.add(dataDir.toString());
    configArgs.forEach(
        c -> {
          command.add("-c");
          command.add(c);
        });
    command.add("worker");
    try {
      Files.createDirectories(dataDir);
      File log = dataDir.resolve("worker.log").toFile();
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      pb.environment().clear();
      pb.environment().putAll(env);
      pb.start();
    } catch (IOException e) {
      err.println(
          "Warning: could not start a background worker ("
              + e.getMessage()
              + "); the job runs when a bacalhau command next waits for jobs on this data dir.");
    }
  }
}
