package io.bacalhau.cli.node;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.core.errors.BacalhauException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What approve, reject and delete share: the node ID, the {@code -m} message, {@code Ok} on success
 * and Bacalhau's {@code Failed to <action> node <id>: <reason>} otherwise.
 */
public final class NodeUpdate {
  @Parameters(paramLabel = "<id>", description = "Node ID or a unique prefix of it.")
  private String id;

  @Option(
      names = {"-m", "--message"},
      paramLabel = "<message>",
      defaultValue = "",
      description = "Why; kept with the node's membership change.")
  private String message;

  int apply(CliSession session, String action) {
    try {
      session.node().updateNode(id, action, message);
    } catch (BacalhauException e) {
      throw new CommandFailedException(
          ExitCode.ERROR, "Failed to " + action + " node " + id + ": " + e.getMessage(), e.hint());
    }
    session.out().println("Ok");
    return ExitCode.OK;
  }
}
