package io.bacalhau.cli.job;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.HelpOption;
import io.bacalhau.core.client.NodeClient;
import io.bacalhau.core.client.SubmitResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalhau job rerun ID}: runs a job again as a new version. */
@Command(name = "rerun", description = "Run a job again, as a new version.")
public final class JobRerunCommand implements Callable<Integer> {
  @Mixin private HelpOption help;

  private final CliSession session;

  @Option(
      names = {"-v", "--version"},
      defaultValue = "0",
      description = "The version to rerun (default: latest).")
  private long version;

  @Mixin private RuntimeOptions runtime;

  @Mixin private OutputOption output;

  @Mixin private JobArgument target;

  JobRerunCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    runtime.checked();
    NodeClient client = session.node();
    SubmitResult result =
        client.rerun(target.id, target.namespace, version, "Rerun requested by user");
    if (runtime.idOnly || !runtime.wait) {
      session.out().println(result.jobId());
    }
    if (!runtime.wait) {
      return ExitCode.OK;
    }
    return new JobWaiter(session, client, runtime.printing(output.format)).await(result);
  }
}
