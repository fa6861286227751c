package io.bacalhau.cli.shell;

import io.bacalhau.cli.CliContext;
import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.UsageException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;

/** {@code bacalhau shell}: an interactive prompt hosting the very same commands. */
@Command(
    name = "shell",
    mixinStandardHelpOptions = true,
    description = {
      "Open an interactive prompt where every bacalhau command works as on the command line.",
      "Tab completes commands, options, job IDs and config keys; Ctrl-R searches history;"
          + " Ctrl-C cancels the running command; Ctrl-D or 'exit' leaves."
    })
public final class ShellCommand implements Callable<Integer> {
  private final CliSession session;

  public ShellCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws Exception {
    session.needsOrderlyExit(); // JLine restores the terminal in a shutdown hook
    if (session.context().env().containsKey(InteractiveShell.INSIDE)) {
      throw new UsageException("you are already in the bacalhau shell", "Type 'exit' to leave it.");
    }
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      return run(session, terminal);
    }
  }

  /**
   * Runs the shell on {@code terminal}. Commands share one session, pinned to the data dir the
   * shell started with, so the node and its plugins are opened once for all of them.
   */
  public static int run(CliSession outer, Terminal terminal) throws Exception {
    Map<String, String> env = new HashMap<>(outer.context().env());
    env.put("BACALHAU_DIR", outer.dataDir().toString());
    env.put(InteractiveShell.INSIDE, "1");
    CliContext context =
        new CliContext(
            new java.io.PrintStream(terminal.output(), true, terminal.encoding()),
            new java.io.PrintStream(terminal.output(), true, terminal.encoding()),
            terminal.input(),
            env,
            outer.context().workingDir(),
            outer.context().interactive());
    // Options given to `bacalhau shell` itself hold for every command typed in it.
    List<String> globalArgs = new ArrayList<>();
    outer.globalOptions().config().forEach(c -> globalArgs.addAll(List.of("-c", c)));
    if (outer.globalOptions().debug()) {
      globalArgs.add("--debug");
    }
    try (CliSession inner = new CliSession(context)) {
      new InteractiveShell(inner, terminal, outer.dataDir(), globalArgs).loop();
    }
    return ExitCode.OK;
  }
}
