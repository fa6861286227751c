package io.bacalhau.cli.node;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.core.node.EmbeddedNodeClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code bacalhau worker} (hidden): runs the jobs nobody else is running on this data dir, then
 * exits. Started by {@link BackgroundWorker}; harmless to run by hand.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    hidden = true,
    description = "Run unowned jobs on this data dir until none is left.")
public final class WorkerCommand implements Callable<Integer> {
  private static final Duration IDLE = Duration.ofSeconds(2);

  private final CliSession session;

  WorkerCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws InterruptedException {
    session.noWorkerOnClose();
    EmbeddedNodeClient client = session.embeddedNode();
    client.startWorking();
    // Give the submitter time to exit, then run until this process owns nothing unfinished.
    Thread.sleep(IDLE.toMillis());
    while (client.node().orchestrator().ownsActiveJobs()
        || io.bacalhau.core.orchestrator.Orchestrator.hasOrphans(client.node().store())) {
      client.awaitChange(IDLE);
    }
    return ExitCode.OK;
  }
}
