package io.bacalhau.cli.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.testing.RealServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI's shell in a real pseudo-terminal (tmux): completion of a job ID, history
 * recall, Ctrl-C during a waiting {@code job run}, and exit.
 */
class ShellTmuxIT {
  @TempDir Path dataDir;
  private final String session = "bacalhau-it-" + ProcessHandle.current().pid();

  @BeforeEach
  void start() throws Exception {
    RealServices.require(tmuxAvailable(), "tmux (apt-get install tmux)");
    Path dist = Path.of(System.getProperty("bacalhau.dist", "target/bacalhau"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        String.join(
            " ",
            "env",
            "BACALHAU_DIR=" + dataDir,
            "HOME=" + dataDir,
            "NO_COLOR=1",
            "BACALHAU_IN_PROCESS=1",
            java,
            "--enable-native-access=ALL-UNNAMED",
            "-Dbacalhau.home=" + dist,
            "-cp",
            "'" + dist.resolve("lib") + "/*'",
            "io.bacalhau.cli.Main");
    tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "50", command);
    await(screen -> screen.contains("bacalhau ["), Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() throws Exception {
    if (tmuxAvailable()) {
      new ProcessBuilder("tmux", "kill-session", "-t", session).start().waitFor();
    }
    // The shell hands unfinished jobs to a background worker on this data dir as it closes; the
    // worker (and the shell, still closing) must be gone before the folder is deleted.
    String dir = dataDir.toString();
    List<ProcessHandle> left =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(false))
            .toList();
    for (ProcessHandle p : left) {
      p.destroy();
      p.onExit().get(15, TimeUnit.SECONDS);
    }
  }

  @Test
  void completionHistoryCtrlCAndExit() throws Exception {
    Path spec = dataDir.resolve("nap.yaml");
    Files.writeString(
        spec,
        "Name: nap\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n"
            + "      Type: noop\n      Params: {SleepMillis: 8000}\n");
    keys("job run " + spec, "Enter");
    await(screen -> screen.matches("(?s).*Execution +Running.*"), Duration.ofSeconds(30));
    keys("C-c");
    await(
        screen -> screen.contains("Progress tracking canceled. The job is still running."),
        Duration.ofSeconds(10));

    // Tab completes the only job's ID from the store.
    keys("job describe j-", "Tab");
    await(screen -> screen.matches("(?s).*job describe j-[0-9a-f]{8}.*"), Duration.ofSeconds(10));
    keys("C-u");

    // Up recalls the last command.
    keys("version", "Enter");
    // Up once the prompt is back, as a user would: before it, the terminal just echoes the key.
    await(
        screen -> screen.contains("CLIENT") && lastLine(screen).startsWith("bacalhau ["),
        Duration.ofSeconds(10));
    keys("Up");
    await(screen -> lastLine(screen).endsWith("version"), Duration.ofSeconds(10));
    keys("C-u", "exit", "Enter");
    await(screen -> !sessionAlive(), Duration.ofSeconds(15));
    assertTrue(Files.readString(dataDir.resolve("shell_history")).contains("job run"));
  }

  private static String lastLine(String screen) {
    List<String> lines = screen.strip().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
  }

  private void keys(String... keys) throws Exception {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
    args.addAll(List.of(keys));
    tmux(args.toArray(String[]::new));
  }

  private void await(Predicate<String> done, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String screen = "";
    while (System.nanoTime() < deadline) {
      if (!sessionAlive()) {
        if (done.test("")) {
          return;
        }
        throw new AssertionError("the shell exited; last screen:\n" + screen);
      }
      screen = capture();
      if (done.test(screen)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out; screen:\n" + screen);
  }

  private String capture() throws Exception {
    Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", session).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private boolean sessionAlive() {
    try {
      return new ProcessBuilder("tmux", "has-session", "-t", session).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static void tmux(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("tmux"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
    }
  }

  private static boolean tmuxAvailable() {
    try {
      return new ProcessBuilder("tmux", "-V").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
