package io.bacalhau.core.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.BuildVersionInfo;
import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.models.Resources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bacalhau's capacity rankers: a node with room beats a busy one, an over-subscribed node is only
 * taken when no other matches, and placements count against a node before it reports them.
 */
class RankingTest {
  private static final Resources MAX = new Resources(8, 1L << 34, 0, 0);

  /** A noop node running {@code runningCpu} cores and with {@code queuedCpu} cores queued. */
  private static NodeInfo loaded(String id, double runningCpu, double queuedCpu) {
    ComputeNodeInfo c =
        new ComputeNodeInfo(
            List.of("noop"),
            List.of("noop"),
            List.of(),
            MAX,
            new Resources(queuedCpu, 0, 0, 0),
            MAX.subtract(new Resources(runningCpu, 0, 0, 0)),
            MAX,
            0,
            0,
            "");
    return new NodeInfo(id, NodeType.COMPUTE, Map.of(), List.of(), c, BuildVersionInfo.UNKNOWN);
  }

  private static String placedOn(Scheduling s) {
    Plan plan = s.schedule(Scheduling.after(Duration.ofSeconds(1)));
    assertEquals(1, plan.newExecutions.size(), plan.jobEvents.toString());
    return plan.newExecutions.get(0).nodeId();
  }

  @Test
  void anIdleNodeIsChosenOverABusyOne() {
    for (int i = 0; i < 20; i++) {
      Scheduling s = new Scheduling(JobType.BATCH, 1);
      s.nodes.add(loaded("n-busy", 6, 0));
      s.nodes.add(loaded("n-idle", 0, 0));
      assertEquals("n-idle", placedOn(s));
    }
  }

  @Test
  void aNodeWithAShortQueueIsChosenOverOneWithALongQueue() {
    for (int i = 0; i < 20; i++) {
      Scheduling s = new Scheduling(JobType.BATCH, 1);
      s.nodes.add(loaded("n-long", 4, 4));
      s.nodes.add(loaded("n-short", 4, 0));
      assertEquals("n-short", placedOn(s));
    }
  }

  @Test
  void anOverSubscribedNodeIsTakenOnlyWhenNoOtherMatches() {
    Scheduling alone = new Scheduling(JobType.BATCH, 1);
    alone.nodes.add(loaded("n-over", 8, 8));
    assertEquals("n-over", placedOn(alone), "the single node takes the job into its queue");

    Scheduling two = new Scheduling(JobType.BATCH, 1);
    two.nodes.add(loaded("n-over", 8, 8));
    two.nodes.add(Scheduling.dockerOnly("n-docker"));
    two.nodes.add(loaded("n-room", 7, 4));
    assertEquals("n-room", placedOn(two));
  }

  @Test
  void placementsCountAgainstANodeBeforeItReportsThem() {
    NodeLoad load = new NodeLoad();
    List<NodeInfo> nodes = List.of(loaded("n-1", 0, 0), loaded("n-2", 0, 0));
    Scheduling s = new Scheduling(JobType.BATCH, 1);
    Execution placed =
        Execution.builder()
            .id("e-placed")
            .nodeId("n-1")
            .allocatedResources(
                io.bacalhau.core.models.AllocatedResources.of("main", new Resources(6, 0, 0, 0)))
            .build();
    load.placed(placed);
    s.nodes.addAll(load.adjust(nodes));
    for (int i = 0; i < 10; i++) {
      assertEquals("n-2", placedOn(s));
    }
    load.ended("e-placed");
    assertTrue(load.adjust(nodes) == nodes, "nothing in flight: the nodes as reported");
  }
}
