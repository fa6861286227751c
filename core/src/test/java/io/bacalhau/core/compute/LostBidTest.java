package io.bacalhau.core.compute;

import static io.bacalhau.core.compute.OneCpuNode.execution;
import static io.bacalhau.core.compute.OneCpuNode.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.Job;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bid that lost to another node's (BidRejected) gives back what the node held for it: the
 * execution queued behind a busy one leaves the queue, the node's advertised queued capacity drops
 * back, and nothing is reported (the orchestrator recorded the rejection itself). The node used to
 * ignore the message in process and cancel over NATS, which reported a stale Cancelled.
 */
class LostBidTest {
  @TempDir Path dataDir;

  @Test
  void aQueuedExecutionWhoseBidLostLeavesTheQueueWithoutAReport() throws Exception {
    OneCpuNode n = new OneCpuNode(dataDir);
    try (ComputeNode node = n.node) {
      Job busy = job("busy", 20_000);
      node.bidAccepted(busy, execution("e-busy", busy));
      Job waiting = job("waiting", 0);
      node.bidAccepted(waiting, execution("e-waiting", waiting));
      ComputeNodeInfo before = node.info().computeNodeInfo();
      assertEquals(1, before.enqueuedExecutions());
      assertEquals(1.0, before.queueUsedCapacity().cpu());

      node.bidRejected("e-waiting", "bid rejected");

      ComputeNodeInfo after = node.info().computeNodeInfo();
      assertEquals(0, after.enqueuedExecutions());
      assertTrue(after.queueUsedCapacity().isZero(), after.queueUsedCapacity().toString());
      assertFalse(node.isActive("e-waiting"));
      assertTrue(node.isActive("e-busy"), "the running execution was touched");
      assertEquals(List.of(), n.reports.stream().filter(r -> r.contains("e-waiting")).toList());
    }
  }
}
