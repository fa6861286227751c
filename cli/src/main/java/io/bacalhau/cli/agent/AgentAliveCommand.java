package io.bacalhau.cli.agent;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.core.client.api.AliveResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalhau agent alive}: whether the node answers ({@code Status: OK}). */
@Command(
    name = "alive",
    mixinStandardHelpOptions = true,
    description = "Check that the node is alive; prints Status: OK (needs no credentials).")
public final class AgentAliveCommand implements Callable<Integer> {
  private final CliSession session;

  @Mixin private DataOptions output;

  AgentAliveCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    AgentData.print(session, output, new AliveResponse(session.node().agentAlive()));
    return ExitCode.OK;
  }
}
