package io.bacalhau.cli.node;

import io.bacalhau.cli.CliSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalhau node approve ID}. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = "Approve a node whose membership is pending.")
public final class NodeApproveCommand implements Callable<Integer> {
  private final CliSession session;

  @Mixin private NodeUpdate update;

  NodeApproveCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    return update.apply(session, "approve");
  }
}
