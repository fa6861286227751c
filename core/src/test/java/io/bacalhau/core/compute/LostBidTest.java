package io.bacalhau.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.AllocatedResources;
import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.State;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.protocol.ComputeCallback;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bid that lost to another node's (BidRejected) gives back what the node held for it: the
 * execution queued behind a busy one leaves the queue, the node's advertised queued capacity drops
 * back, and nothing is reported (the orchestrator recorded the rejection itself). The node used to
 * ignore the message in process and cancel over NATS, which reported a stale Cancelled.
 */
class LostBidTest {
  private static final Resources ONE_CPU = new Resources(1, 1L << 20, 0, 0);

  @TempDir Path dataDir;

  @Test
  void aQueuedExecutionWhoseBidLostLeavesTheQueueWithoutAReport() throws Exception {
    List<String> reports = new CopyOnWriteArrayList<>();
    ComputeSettings settings =
        new ComputeSettings(
            "n-test",
            Map.of(),
            new Resources(1, 1L << 30, 1L << 30, 0),
            List.of(),
            Map.of(),
            dataDir.resolve("compute/executions"));
    try (ComputeNode node =
        new ComputeNode(
            EmbeddedNodeTestSupport.builtinRegistry(dataDir),
            recorder(reports),
            settings,
            Clock.systemUTC())) {
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
      assertEquals(List.of(), reports.stream().filter(r -> r.contains("e-waiting")).toList());
    }
  }

  private static Job job(String name, long sleepMillis) {
    Job job = EmbeddedNodeTestSupport.noopJob(name, Map.of("SleepMillis", sleepMillis));
    return job.toBuilder().id("j-" + name).build();
  }

  private static Execution execution(String id, Job job) {
    return new Execution(
        id,
        job.namespace(),
        "ev-1",
        "",
        "n-test",
        job.id(),
        null,
        1,
        AllocatedResources.of(job.task().name(), ONE_CPU),
        State.of(ExecutionDesiredStateType.RUNNING),
        State.of(ExecutionStateType.BID_ACCEPTED),
        SpecConfig.EMPTY,
        null,
        "",
        "",
        "",
        0,
        1,
        0,
        0);
  }

  /** Every report the node makes, as "<kind> <execution id>". */
  private static ComputeCallback recorder(List<String> reports) {
    return new ComputeCallback() {
      @Override
      public void bidResult(String executionId, boolean accepted, String reason) {
        reports.add("bid " + executionId);
      }

      @Override
      public void progressed(String executionId, ExecutionStateType state) {}

      @Override
      public void runResult(String executionId, SpecConfig published, RunCommandResult out) {
        reports.add("run " + executionId);
      }

      @Override
      public void computeError(String id, BacalhauException error, RunCommandResult out) {
        reports.add("error " + id);
      }

      @Override
      public void cancelled(String executionId, String reason) {
        reports.add("cancelled " + executionId);
      }

      @Override
      public void event(String executionId, Event event) {}
    };
  }
}
