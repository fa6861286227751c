package io.bacalhau.core.compute;

import static io.bacalhau.core.compute.OneCpuNode.execution;
import static io.bacalhau.core.compute.OneCpuNode.job;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted orchestrator sends again the messages it cannot know were delivered (its outbox died
 * with the old process): a second ask for bid or bid accepted for an execution this node already
 * took must not make a second bid nor a second run.
 */
class RepeatedMessagesTest {
  @TempDir Path dataDir;

  @Test
  void aRepeatedAskForBidOrBidAcceptedHasNoSecondEffect() throws Exception {
    OneCpuNode n = new OneCpuNode(dataDir);
    try (ComputeNode node = n.node) {
      Job job = job("once", 100);
      // A direct bid: the node bids and, its bid accepted in advance, runs it.
      Execution direct =
          execution("e-1", job).withComputeState(State.of(ExecutionStateType.ASK_FOR_BID));
      node.askForBid(job, direct);
      awaitReport(n, "completed e-1");
      node.askForBid(job, direct);
      node.bidAccepted(job, direct);
      Thread.sleep(500); // a second run of 100 ms would have ended
      assertEquals(List.of("bid e-1", "running e-1", "completed e-1"), n.reports);
    }
  }

  private static void awaitReport(OneCpuNode n, String report) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!n.reports.contains(report)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never reported " + report + ": " + n.reports);
      }
      Thread.sleep(20);
    }
  }
}
