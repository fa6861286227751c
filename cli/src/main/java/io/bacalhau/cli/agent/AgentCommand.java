package io.bacalhau.cli.agent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau agent}: questions to the node the CLI talks to about itself. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = "Ask the node about itself: alive, version, node info, config.")
public final class AgentCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
