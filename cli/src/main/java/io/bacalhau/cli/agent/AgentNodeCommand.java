package io.bacalhau.cli.agent;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.DataOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalhau agent node}: what the node advertises (its NodeInfo). */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "Show what the node advertises: ID, type, labels, engines, capacity, version.")
public final class AgentNodeCommand implements Callable<Integer> {
  private final CliSession session;

  @Mixin private DataOptions output;

  AgentNodeCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    AgentData.print(session, output, session.node().nodeInfo());
    return ExitCode.OK;
  }
}
