package io.bacalhau.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliContext;
import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell driven through JLine with a scripted terminal. */
class InteractiveShellTest {
  @TempDir Path dataDir;

  private String session(String typed) throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (Terminal terminal =
        new DumbTerminal(
            "test",
            "dumb",
            new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
            screen,
            StandardCharsets.UTF_8)) {
      terminal.setSize(new Size(160, 50));
      ByteArrayOutputStream ignored = new ByteArrayOutputStream();
      CliContext context =
          new CliContext(
              new PrintStream(ignored, true, StandardCharsets.UTF_8),
              new PrintStream(ignored, true, StandardCharsets.UTF_8),
              java.io.InputStream.nullInputStream(),
              Map.of(
                  "BACALHAU_DIR",
                  dataDir.toString(),
                  "HOME",
                  dataDir.toString(),
                  "BACALHAU_IN_PROCESS",
                  "1"),
              dataDir,
              false);
      try (CliSession outer = new CliSession(context)) {
        assertEquals(ExitCode.OK, ShellCommand.run(outer, terminal));
      }
    }
    return screen.toString(StandardCharsets.UTF_8);
  }

  private Path spec(String name) throws Exception {
    Path file = dataDir.resolve(name + ".yaml");
    Files.writeString(
        file,
        "Name: "
            + name
            + "\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine: {Type: noop, Params:"
            + " {Stdout: shell-says-hi}}\n");
    return file;
  }

  @Test
  void commandsRunInOneSessionAndErrorsDoNotEndIt() throws Exception {
    String screen =
        session(
            "job run "
                + spec("greet")
                + "\njob describe nope\njob logs greet\nno-such-command\njob list --no-style\nexit\n");
    assertTrue(screen.contains("Completed successfully"), screen);
    assertTrue(screen.contains("Error: job not found: nope"), screen);
    assertTrue(screen.contains("shell-says-hi"), screen);
    assertTrue(screen.contains("Unmatched argument"), screen);
    assertTrue(screen.contains("greet"), screen);
  }

  @Test
  void historyIsKeptInTheDataDir() throws Exception {
    session("version\nexit\n");
    assertTrue(Files.readString(dataDir.resolve("shell_history")).contains("version"));
  }

  @Test
  void lineEndingInBackslashContinues() throws Exception {
    String screen = session("job run \\\n" + spec("continued") + "\nexit\n");
    assertTrue(screen.contains("Completed successfully"), screen);
  }

  @Test
  void shellInsideTheShellIsRefused() throws Exception {
    String screen = session("shell\nexit\n");
    assertTrue(screen.contains("already in the bacalhau shell"), screen);
  }

  @Test
  void tabCompletesJobNamesAndIdsFromTheStore() throws Exception {
    session("job run " + spec("findme") + "\nexit\n");
    try (CliSession s =
        new CliSession(
            new CliContext(
                System.out,
                System.err,
                java.io.InputStream.nullInputStream(),
                Map.of(
                    "BACALHAU_DIR",
                    dataDir.toString(),
                    "HOME",
                    dataDir.toString(),
                    "BACALHAU_IN_PROCESS",
                    "1"),
                dataDir,
                false))) {
      ShellCompleter completer = new ShellCompleter(io.bacalhau.cli.Main.commandLine(s), s);
      List<Candidate> candidates = new java.util.ArrayList<>();
      completer.complete(null, new DefaultParser().parse("job describe ", 13), candidates);
      List<String> values = candidates.stream().map(Candidate::value).toList();
      assertTrue(values.contains("findme"), values.toString());
      assertTrue(values.stream().anyMatch(v -> v.matches("j-[0-9a-f]{8}")), values.toString());

      candidates.clear();
      completer.complete(null, new DefaultParser().parse("jo", 2), candidates);
      assertTrue(candidates.stream().anyMatch(c -> c.value().equals("job")), candidates.toString());
    }
  }
}
