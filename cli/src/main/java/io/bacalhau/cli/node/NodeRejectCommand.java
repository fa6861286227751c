package io.bacalhau.cli.node;

import io.bacalhau.cli.CliSession;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalhau node reject ID}. */
@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description = "Reject a node whose membership is pending.")
public final class NodeRejectCommand implements Callable<Integer> {
  private final CliSession session;

  @Mixin private NodeUpdate update;

  NodeRejectCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    return update.apply(session, "reject");
  }
}
