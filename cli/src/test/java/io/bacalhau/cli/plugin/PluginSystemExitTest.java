package io.bacalhau.cli.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.ChildCli;
import io.bacalhau.core.plugin.TestPlugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin code that calls {@code System.exit} deadlocked the CLI: the command's thread held the
 * session's lock inside {@code System.exit}, the shutdown hook waited for that lock to close the
 * session, and SIGTERM could not end the process any more. Run in a real process with a real plugin
 * jar: it must end by itself, or at the latest soon after a SIGTERM.
 */
class PluginSystemExitTest {
  @TempDir Path dataDir;

  @AfterEach
  void stopWorkers() throws InterruptedException {
    ChildCli.stopAllOn(dataDir);
  }

  @Test
  void aFactoryCallingSystemExitWhileTheSessionIsLockedEndsTheProcess() throws Exception {
    TestPlugins.exiting("gone", "type").jar(Files.createDirectories(dataDir.resolve("plugins")));

    Process child = jobRun("Type: noop");

    assertEndsWithinBound(child);
  }

  @Test
  void anEngineCallingSystemExitWhileItsJobRunsEndsTheProcess() throws Exception {
    TestPlugins.exiting("gone", "run").jar(Files.createDirectories(dataDir.resolve("plugins")));

    Process child = jobRun("Type: gone");

    assertEndsWithinBound(child);
  }

  /** Waits for the process to end by itself; else SIGTERMs it, which must end it soon. */
  private void assertEndsWithinBound(Process child) throws Exception {
    try {
      if (!child.waitFor(20, TimeUnit.SECONDS)) {
        child.destroy(); // SIGTERM
        assertTrue(
            child.waitFor(20, TimeUnit.SECONDS),
            "still alive 20 s after SIGTERM:\n" + Files.readString(dataDir.resolve("child.err")));
      }
      String err = Files.readString(dataDir.resolve("child.err"));
      assertEquals(7, child.exitValue(), "the plugin's System.exit(7) is the exit code:\n" + err);
      assertFalse(err.contains("\tat "), err);
    } finally {
      child.destroyForcibly().waitFor();
    }
  }

  private Process jobRun(String engine) throws IOException {
    Path spec = dataDir.resolve("job.yaml");
    Files.writeString(
        spec,
        "Name: exits\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      "
            + engine
            + "\n");
    return ChildCli.start(
        dataDir,
        dataDir.resolve("child.out"),
        dataDir.resolve("child.err"),
        "job",
        "run",
        spec.toString());
  }
}
