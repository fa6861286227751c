package io.bacalhau.cli.node;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import io.bacalhau.cli.local.LocalNodeRecord;
import io.bacalhau.cli.local.ResidentNode;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code bacalhau node local stop}: stops the node serving this data dir on this machine, as
 * SIGTERM would: it closes in order, and its unfinished jobs stay in the store for the next node.
 */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description =
        "Stop the node serving this data dir on this machine; its unfinished jobs resume with the"
            + " next one.")
public final class NodeLocalStopCommand implements Callable<Integer> {
  private final CliSession session;

  NodeLocalStopCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Path dataDir = session.dataDir();
    Optional<LocalNodeRecord> found = ResidentNode.running(dataDir);
    if (found.isEmpty()) {
      session.out().println("No local node runs on " + dataDir + ".");
      return ExitCode.OK;
    }
    long pid = found.get().pid();
    if (!ResidentNode.stop(found.get())) {
      throw new CommandFailedException(
          ExitCode.ERROR,
          "the local node (pid " + pid + ") on " + dataDir + " did not stop",
          "Stop it with kill " + pid + "; its jobs are kept in the store.");
    }
    session.out().println("Stopped the local node (pid " + pid + ") on " + dataDir + ".");
    return ExitCode.OK;
  }
}
