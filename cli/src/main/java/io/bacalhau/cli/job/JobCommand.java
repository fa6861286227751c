package io.bacalhau.cli.job;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau job}: the noun grouping every job verb. */
@Command(
    name = "job",
    mixinStandardHelpOptions = true,
    description = "Submit, inspect and manage jobs.",
    subcommands = {
      JobRunCommand.class,
      JobListCommand.class,
      JobDescribeCommand.class,
      JobHistoryCommand.class,
      JobExecutionsCommand.class,
      JobLogsCommand.class,
      JobStopCommand.class,
      JobRerunCommand.class,
      JobVersionsCommand.class,
      JobValidateCommand.class,
      JobGetCommand.class
    })
public final class JobCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
