package io.bacalhau.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A command line built with only the commands it names behaves as the whole tree does. */
class CommandTreeTest {
  @TempDir Path dataDir;

  @Test
  void everyCommandHasTheSameHelpAndImplementationWhenBuiltForItsOwnLine() {
    CommandLine.IFactory factory = new CommandFactory(session());
    List<List<String>> paths = new ArrayList<>();
    collect(CommandTree.whole(factory), new ArrayList<>(), paths);
    assertTrue(paths.size() > 30, "only " + paths.size() + " commands found");

    for (List<String> path : paths) {
      CommandLine whole = find(CommandTree.whole(factory), path);
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CommandLine lazy = find(CommandTree.forArgs(factory, args.toArray(String[]::new)), path);
      assertNotNull(lazy.getCommand(), "stand-in for " + path);
      assertEquals(whole.getCommand().getClass(), lazy.getCommand().getClass(), path.toString());
      assertEquals(
          whole.getUsageMessage(CommandLine.Help.Ansi.OFF),
          lazy.getUsageMessage(CommandLine.Help.Ansi.OFF),
          "help of " + path);
    }
  }

  @Test
  void anArgumentFileGetsTheWholeTree() {
    CommandLine.IFactory factory = new CommandFactory(session());
    CommandLine tree = CommandTree.forArgs(factory, "@args.txt");
    assertNotNull(find(tree, List.of("job", "run")).getCommand());
  }

  private static void collect(CommandLine line, List<String> path, List<List<String>> into) {
    into.add(List.copyOf(path));
    for (Map.Entry<String, CommandLine> sub : line.getSubcommands().entrySet()) {
      if (sub.getValue().getCommandName().equals(sub.getKey())) { // skip alias entries
        path.add(sub.getKey());
        collect(sub.getValue(), path, into);
        path.removeLast();
      }
    }
  }

  private static CommandLine find(CommandLine root, List<String> path) {
    CommandLine line = root;
    for (String name : path) {
      line = line.getSubcommands().get(name);
    }
    return line;
  }

  private CliSession session() {
    return new CliSession(
        new CliContext(
            new PrintStream(PrintStream.nullOutputStream()),
            new PrintStream(PrintStream.nullOutputStream()),
            java.io.InputStream.nullInputStream(),
            Map.of("BACALHAU_DIR", dataDir.toString()),
            dataDir,
            false));
  }
}
