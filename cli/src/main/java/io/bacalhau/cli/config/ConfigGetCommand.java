package io.bacalhau.cli.config;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.config.ConfigCatalog;
import io.bacalhau.core.config.ConfigKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bacalhau config get KEY}: one effective value, for scripts. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Print the effective value of one setting.")
public final class ConfigGetCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(index = "0", paramLabel = "KEY", description = "The key, e.g. API.Port (any case).")
  private String key;

  ConfigGetCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ConfigKey found = ConfigCatalog.get().require(key);
    session.out().println(session.config().display(found));
    return ExitCode.OK;
  }
}
