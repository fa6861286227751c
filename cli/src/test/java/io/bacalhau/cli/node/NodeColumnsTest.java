package io.bacalhau.cli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.cli.render.ByteText;
import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.ConnectionState;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.models.Resources;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Capacity as {@code avail / max}, bytes as Go's humanize prints them, blanks for non-compute. */
class NodeColumnsTest {
  private static NodeState node(NodeType type, Resources avail, Resources max) {
    ComputeNodeInfo compute =
        new ComputeNodeInfo(
            List.of("docker"), List.of(), List.of(), max, null, avail, max, 0, 0, "");
    NodeInfo info =
        new NodeInfo("n-1", type, Map.of("zone", "b", "arch", "x"), List.of(), compute, null);
    return new NodeState(
        info,
        NodeMembership.APPROVED,
        NodeConnection.CONNECTED,
        ConnectionState.connected(Instant.EPOCH, Instant.EPOCH));
  }

  @Test
  void capacityIsAvailableOverMaximum() {
    NodeState n =
        node(
            NodeType.COMPUTE,
            new Resources(1.5, 1_500_000_000L, 82_854_982L, 1),
            new Resources(2, 16_000_000_000L, 120_000_000_000L, 2));
    assertEquals(
        List.of("1.5 / 2.0", "1.5 GB / 16 GB", "83 MB / 120 GB", "1 / 2"),
        NodeColumns.CAPACITY.cells(n));
    assertEquals(List.of("arch=x zone=b"), NodeColumns.LABELS.cells(n));
  }

  @Test
  void aNodeThatRunsNoJobsHasBlankComputeColumns() {
    NodeState n = node(NodeType.REQUESTER, Resources.ZERO, Resources.ZERO);
    assertEquals(List.of("", "", "", ""), NodeColumns.CAPACITY.cells(n));
    assertEquals(List.of("", "", ""), NodeColumns.FEATURES.cells(n));
  }

  @Test
  void bytesReadAsGoHumanizeWritesThem() {
    assertEquals("0 B", ByteText.of(0));
    assertEquals("9 B", ByteText.of(9));
    assertEquals("10 B", ByteText.of(10));
    assertEquals("1.0 kB", ByteText.of(1000));
    assertEquals("83 MB", ByteText.of(82_854_982L));
    assertEquals("1.5 GB", ByteText.of(1_500_000_000L));
  }

  @Test
  void showGroupsComeInTableOrderWhateverOrderTheyAreNamed() {
    assertEquals(
        List.of(NodeColumns.LABELS, NodeColumns.CAPACITY),
        NodeColumns.parse(List.of("capacity", "LABELS", "labels")));
  }
}
