package io.bacalhau.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the CLI in a process of its own on a data dir, for tests of what only a real process
 * shows: signals, {@code kill -9}, {@code System.exit}, background workers. Analytics is off.
 */
public final class ChildCli {
  private ChildCli() {}

  /**
   * Ends every process still using the data dir (a background worker a child started, say), so the
   * test's folder can be removed: they would write into it while it is deleted.
   */
  public static void stopAllOn(Path dataDir) throws InterruptedException {
    String dir = dataDir.toString();
    List<ProcessHandle> users =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().filter(c -> c.contains(dir)).isPresent())
            .filter(p -> p.pid() != ProcessHandle.current().pid())
            .toList();
    users.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : users) {
      try {
        p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // gone or stuck: the folder's removal says which
      }
    }
  }

  /** {@code bacalhau --data-dir DIR ARGS...}, stdout and stderr to the given files. */
  public static Process start(Path dataDir, Path stdout, Path stderr, String... args)
      throws IOException {
    return start(dataDir, stdout, stderr, Map.of(), args);
  }

  /** As {@link #start(Path, Path, Path, String...)}, with {@code env} added to its environment. */
  public static Process start(
      Path dataDir, Path stdout, Path stderr, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("--data-dir");
    command.add(dataDir.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("BACALHAU_DISABLEANALYTICS", "true");
    pb.environment().put("BACALHAU_IN_PROCESS", "1"); // no resident node unless a test wants one
    pb.environment().putAll(env);
    if (stdout.equals(stderr)) {
      pb.redirectErrorStream(true).redirectOutput(stdout.toFile());
    } else {
      pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    }
    return pb.start();
  }
}
