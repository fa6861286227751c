package io.bacalhau.cli.profile;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bacalhau profile select NAME}: the profile commands use from now on. */
@Command(
    name = "select",
    mixinStandardHelpOptions = true,
    description = "Make a profile the current one.")
public final class ProfileSelectCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(index = "0", paramLabel = "NAME", description = "The profile.")
  private String name;

  ProfileSelectCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    new ProfileStore(session.dataDir()).select(name);
    session.out().println("Switched to profile \"" + name + "\"");
    return ExitCode.OK;
  }
}
