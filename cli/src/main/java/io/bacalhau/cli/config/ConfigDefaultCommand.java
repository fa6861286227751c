package io.bacalhau.cli.config;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.config.DefaultConfigFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code bacalhau config default}: a complete, commented default config.yaml. */
@Command(
    name = "default",
    mixinStandardHelpOptions = true,
    description = "Print a complete default config.yaml with every key described.")
public final class ConfigDefaultCommand implements Callable<Integer> {
  private final CliSession session;

  ConfigDefaultCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    session.out().print(DefaultConfigFile.render());
    return ExitCode.OK;
  }
}
