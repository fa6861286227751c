package io.bacalhau.cli.shell;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import picocli.CommandLine;

/**
 * The read-run loop: one line, one command of the ordinary command tree. Errors print as on the
 * command line and never end the loop; Ctrl-C interrupts the command that is running.
 */
final class InteractiveShell {
  /** Set in the environment of commands run inside the shell. */
  static final String INSIDE = "BACALHAU_SHELL";

  private final CliSession session;
  private final Terminal terminal;
  private final Path dataDir;
  private final List<String> globalArgs;

  InteractiveShell(CliSession session, Terminal terminal, Path dataDir, List<String> globalArgs) {
    this.session = session;
    this.terminal = terminal;
    this.dataDir = dataDir;
    this.globalArgs = List.copyOf(globalArgs);
  }

  void loop() {
    CommandLine commands = Main.commandLine(session);
    DefaultParser parser = new DefaultParser();
    parser.setEofOnEscapedNewLine(true); // a line ending in \\ continues on the next
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("bacalhau")
            .parser(parser)
            .completer(new ShellCompleter(commands, session))
            .variable(LineReader.HISTORY_FILE, dataDir.resolve("shell_history"))
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "> ")
            .build();
    String prompt = ShellPrompt.of(session.context().env(), dataDir);
    terminal
        .writer()
        .println("Bacalhau shell. Type 'help' for commands, 'exit' or Ctrl-D to leave.");
    terminal.flush();
    while (true) {
      String line;
      try {
        line = reader.readLine(prompt);
      } catch (UserInterruptException e) {
        continue; // Ctrl-C at the prompt clears the line
      } catch (EndOfFileException e) {
        return;
      }
      // A continued line is one command: the escaped line breaks only separate words.
      String joined = line.replace("\\\n", " ");
      List<String> words = new ArrayList<>(parser.parse(joined, joined.length()).words());
      words.removeIf(String::isEmpty);
      if (words.isEmpty()) {
        continue;
      }
      switch (words.get(0)) {
        case "exit", "quit" -> {
          return;
        }
        case "clear" -> {
          terminal.puts(InfoCmp.Capability.clear_screen);
          terminal.flush();
        }
        case "help" -> commands.usage(session.out());
        default -> run(commands, words);
      }
    }
  }

  /** Runs one command on this thread; Ctrl-C meanwhile interrupts it. */
  private void run(CommandLine commands, List<String> words) {
    List<String> args = new ArrayList<>(globalArgs);
    args.addAll(words);
    Thread self = Thread.currentThread();
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> self.interrupt());
    try {
      Main.execute(commands, session, args.toArray(String[]::new));
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      Thread.interrupted(); // a Ctrl-C that came too late must not hit the next line
      session.out().flush();
      session.err().flush();
    }
  }
}
