package io.bacalhau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command, groups included, prints its help and exits 0 for {@code --help} and for {@code
 * -h}: a command whose own options clashed with the help options used to exit 2 instead.
 */
class EveryCommandHelpTest {
  @TempDir Path dataDir;

  @Test
  void helpAndHOfEveryCommandPrintItsUsageAndExitZero() {
    CliContext context =
        new CliContext(
            new PrintStream(PrintStream.nullOutputStream()),
            new PrintStream(PrintStream.nullOutputStream()),
            InputStream.nullInputStream(),
            Map.of("BACALHAU_DIR", dataDir.toString()),
            dataDir,
            false);
    CommandLine whole = CommandTree.whole(new CommandFactory(new CliSession(context)));
    List<List<String>> paths = new ArrayList<>();
    collect(whole, new ArrayList<>(), paths);
    assertTrue(paths.size() > 30, "only " + paths.size() + " commands found");
    for (List<String> path : paths) {
      for (String flag : List.of("--help", "-h")) {
        List<String> args = new ArrayList<>(path);
        args.add(flag);
        CliRunner.Result result = new CliRunner(dataDir).run(args.toArray(String[]::new));
        assertEquals(ExitCode.OK, result.exitCode(), args + "\n" + result);
        assertTrue(result.out().contains("Usage: "), args + "\n" + result);
        assertEquals("", result.err(), args + "\n" + result);
      }
    }
  }

  private static void collect(CommandLine line, List<String> path, List<List<String>> into) {
    into.add(List.copyOf(path));
    line.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandName().equals(name)) { // skip alias entries
                path.add(name);
                collect(sub, path, into);
                path.removeLast();
              }
            });
  }
}
