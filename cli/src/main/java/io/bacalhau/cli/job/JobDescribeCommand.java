package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.HelpOption;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.core.client.JobDetails;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalhau job describe ID|NAME}: everything about one job. */
@Command(name = "describe", description = "Show a job, its history and executions.")
public final class JobDescribeCommand implements Callable<Integer> {
  @Mixin private HelpOption help;

  private final CliSession session;

  @Option(
      names = {"-v", "--version"},
      defaultValue = "0",
      description = "Job version to show (default: latest).")
  private long version;

  @Mixin private JobArgument target;

  @Mixin private DataOptions output;

  JobDescribeCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    JobDetails details = session.node().describe(target.id, target.namespace, version);
    if (output.output() != null) {
      Serializer.print(session.out(), DescribedJob.of(details), output.output(), output.pretty());
    } else {
      new DescribeRenderer(session.out(), Instant.now()).render(details);
    }
    return ExitCode.OK;
  }
}
