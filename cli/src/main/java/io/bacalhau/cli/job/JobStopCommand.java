package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.core.models.Job;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalhau job stop ID}: stops a job that has not ended. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a job.")
public final class JobStopCommand implements Callable<Integer> {
  static final String REASON = "Stopped at user request";

  private final CliSession session;

  @Option(names = "--quiet", description = "Print nothing but errors.")
  private boolean quiet;

  @Mixin private JobArgument target;

  JobStopCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Job job = target.find(session.node());
    if (job.stateType().isTerminal()) {
      throw new CommandFailedException(
          ExitCode.ERROR,
          "Job is already in a terminal state.\nThe current state is: " + job.stateType().label(),
          null);
    }
    String evaluation = session.node().stop(job.id(), target.namespace, REASON);
    if (!quiet) {
      session.out().println("Job stop successfully submitted with evaluation ID: " + evaluation);
    }
    return ExitCode.OK;
  }
}
