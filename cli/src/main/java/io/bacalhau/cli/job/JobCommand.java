package io.bacalhau.cli.job;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau job}: the noun grouping every job verb. */
@Command(
    name = "job",
    mixinStandardHelpOptions = true,
    description = "Submit, inspect and manage jobs.")
public final class JobCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
