package io.bacalhau.cli.agent;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.core.models.BuildVersionInfo;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalhau agent version}: the Bacalhau version of the node, not of this client. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Show the node's version, build date and commit (needs no credentials).")
public final class AgentVersionCommand implements Callable<Integer> {
  /** How Go prints a {@code time.Time}, which is what Bacalhau's text shows. */
  private static final DateTimeFormatter GO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'").withZone(ZoneOffset.UTC);

  private final CliSession session;

  @Mixin private DataOptions output;

  AgentVersionCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    BuildVersionInfo v = session.node().agentVersion();
    if (output.output() != null) {
      Serializer.print(session.out(), v, output.output(), output.pretty());
      return ExitCode.OK;
    }
    session.out().println("Bacalhau " + v.gitVersion());
    session.out().println("BuildDate " + GO_TIME.format(v.buildDate()));
    session.out().println("GitCommit " + v.gitCommit());
    return ExitCode.OK;
  }
}
