package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalhau job logs ID}: an execution's output, verbatim; {@code --follow} streams it. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Print the output of a job's execution.")
public final class JobLogsCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(
      index = "0",
      paramLabel = "ID|NAME",
      description = "Job ID, unique ID prefix, or name.")
  private String id;

  @Option(
      names = {"-e", "--execution-id"},
      description = "Which execution (default: the latest that ran).")
  private String executionId;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing output until the execution ends.")
  private boolean follow;

  @Mixin private NamespaceOption namespace;

  JobLogsCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws InterruptedException {
    Job job = session.node().job(id, namespace.namespace);
    List<Execution> executions = session.node().executions(job.id(), 0);
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
                            "List them with 'bacalhau job executions " + id + "'."))
            : executions.stream()
                .filter(e -> !e.computeStateType().isDiscarded() || e.runOutput() != null)
                .max(Comparator.comparingLong(Execution::modifyTime))
                .orElseThrow(
                    () ->
                        new CommandFailedException(
                            ExitCode.ERROR,
                            "job " + id + " has no execution with output yet",
                            follow ? null : "Wait for it to start, or use --follow."));
    session.node().logs(chosen.id(), follow, session.out(), session.err());
    return ExitCode.OK;
  }
}
