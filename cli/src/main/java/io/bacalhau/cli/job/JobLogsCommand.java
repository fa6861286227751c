package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.HelpOption;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalhau job logs ID}: an execution's output, verbatim; {@code --follow} streams it. */
@Command(name = "logs", description = "Print the output of a job's execution.")
public final class JobLogsCommand implements Callable<Integer> {
  @Mixin private HelpOption help;

  private final CliSession session;

  @Option(
      names = {"-e", "--execution-id"},
      description = "Which execution (default: the latest that ran).")
  private String executionId;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing output until the execution ends.")
  private boolean follow;

  @Option(
      names = {"-t", "--tail"},
      description =
          "Skip what the execution printed so far: only output written from now on (with"
              + " --follow, until the execution ends).")
  private boolean tail;

  @Option(
      names = {"-v", "--version"},
      defaultValue = "0",
      paramLabel = "<n>",
      description = "An execution of this job version (default: any version).")
  private long version;

  @Mixin private JobArgument target;

  JobLogsCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (version < 0) {
      throw new UsageException(
          "invalid --version " + version, "Use a job version of 1 or more (see job versions).");
    }
    Job job = target.find(session.node());
    List<Execution> executions = session.node().executions(job.id(), version);
    if (version > 0 && version > job.version()) {
      throw new CommandFailedException(
          ExitCode.ERROR,
          "job "
              + target.id
              + " has no version "
              + version
              + " (its latest is "
              + job.version()
              + ")",
          "List them with 'bacalhau job versions " + target.id + "'.");
    }
    Execution chosen =
        executionId != null
            ? executions.stream()
                .filter(e -> e.id().startsWith(executionId))
                .findFirst()
                .orElseThrow(
                    () ->
                        new CommandFailedException(
                            ExitCode.ERROR,
                            "execution not found: " + executionId,
                            "List them with 'bacalhau job executions " + target.id + "'."))
            : executions.stream()
                .filter(e -> !e.computeStateType().isDiscarded() || e.runOutput() != null)
                .max(Comparator.comparingLong(Execution::modifyTime))
                .orElseThrow(
                    () ->
                        new CommandFailedException(
                            ExitCode.ERROR,
                            "job " + target.id + " has no execution with output yet",
                            follow ? null : "Wait for it to start, or use --follow."));
    session.node().logs(job.id(), chosen.id(), follow, tail, session.out(), session.err());
    return ExitCode.OK;
  }
}
