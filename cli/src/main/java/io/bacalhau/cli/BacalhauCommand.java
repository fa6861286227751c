package io.bacalhau.cli;

import io.bacalhau.cli.shell.ShellCommand;
import io.bacalhau.cli.version.VersionCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root of the command tree: {@code bacalhau}; its commands are listed in {@link CommandTree}.
 */
@Command(
    name = "bacalhau",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Compute over data.",
    footerHeading = "%nAuth Environment Variables:%n",
    footer = {
      "  BACALHAU_API_KEY       API key for the Bacalhau API",
      "  BACALHAU_API_USERNAME  user name for the Bacalhau API",
      "  BACALHAU_API_PASSWORD  password for the Bacalhau API"
    })
public final class BacalhauCommand implements java.util.concurrent.Callable<Integer> {
  private final CliSession session;

  @Spec private CommandSpec spec;

  @Mixin private GlobalOptions globalOptions;

  BacalhauCommand(CliSession session) {
    this.session = session;
  }

  /** Bare {@code bacalhau}: the shell on a terminal, the help otherwise. */
  @Override
  public Integer call() throws Exception {
    if (session.context().interactive() && !session.context().env().containsKey("BACALHAU_SHELL")) {
      return new ShellCommand(session).call();
    }
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
