package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.protocol.ComputeChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A compute side whose answers a test script decides: it only records what the orchestrator asks,
 * so the test can answer in any order, twice, late or not at all.
 */
final class ScriptedCompute implements ComputeChannel {
  sealed interface Request permits Ask, Start, Cancel {
    String executionId();
  }

  record Ask(String executionId) implements Request {}

  record Start(String executionId) implements Request {}

  record Cancel(String executionId) implements Request {}

  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

  @Override
  public void askForBid(Job job, Execution execution) {
    requests.add(new Ask(execution.id()));
  }

  @Override
  public void bidAccepted(Job job, Execution execution) {
    requests.add(new Start(execution.id()));
  }

  @Override
  public void cancel(String executionId, String reason) {
    requests.add(new Cancel(executionId));
  }

  Request next(long millis) throws InterruptedException {
    return requests.poll(millis, TimeUnit.MILLISECONDS);
  }
}
