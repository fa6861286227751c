package io.bacalhau.cli.node;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau node}: the nodes the orchestrator knows, and their membership. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "List the nodes and approve, reject or delete them.")
public final class NodeCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
