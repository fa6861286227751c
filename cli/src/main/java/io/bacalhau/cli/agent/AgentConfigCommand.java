package io.bacalhau.cli.agent;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.DataOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalhau agent config}: the node's effective configuration, secrets masked. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Show the node's configuration; tokens, passwords and API keys are ********.")
public final class AgentConfigCommand implements Callable<Integer> {
  private final CliSession session;

  @Mixin private DataOptions output;

  AgentConfigCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    AgentData.print(session, output, session.node().agentConfig());
    return ExitCode.OK;
  }
}
