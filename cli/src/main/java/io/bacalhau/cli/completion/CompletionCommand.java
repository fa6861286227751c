package io.bacalhau.cli.completion;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.Main;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bacalhau completion bash|zsh}: prints a shell completion script. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a completion script for bash or zsh.",
      "Load it with: source <(bacalhau completion bash)"
    })
public final class CompletionCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "bash",
      paramLabel = "<shell>",
      description = "bash or zsh (default ${DEFAULT-VALUE}); zsh loads it through bashcompinit.")
  private Shell shell;

  CompletionCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    String script = AutoComplete.bash("bacalhau", Main.commandLine(session));
    if (shell == Shell.ZSH) {
      session.out().println("autoload -U +X bashcompinit && bashcompinit");
    }
    session.out().print(script);
    return ExitCode.OK;
  }

  /** Shells we print scripts for. */
  enum Shell {
    BASH,
    ZSH
  }
}
