package io.bacalhau.cli.node;

import io.bacalhau.cli.CliSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalhau node delete ID}. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete a node from the cluster.")
public final class NodeDeleteCommand implements Callable<Integer> {
  private final CliSession session;

  @Mixin private NodeUpdate update;

  NodeDeleteCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    return update.apply(session, "delete");
  }
}
