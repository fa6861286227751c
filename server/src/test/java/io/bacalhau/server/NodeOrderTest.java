package io.bacalhau.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.models.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The orders of the nodes list, on nodes as the orchestrator records them. */
class NodeOrderTest {
  private static final List<NodeState> NODES =
      List.of(
          node("n-b", NodeType.COMPUTE, 4, 8L << 30, NodeMembership.PENDING),
          node("n-a", NodeType.COMPUTE, 2, 16L << 30, NodeMembership.APPROVED),
          node("n-c", NodeType.REQUESTER, 0, 0, NodeMembership.REJECTED));

  private static NodeState node(
      String id, NodeType type, double cpu, long memory, NodeMembership membership) {
    Resources free = new Resources(cpu, memory, 0, 0);
    ComputeNodeInfo compute =
        new ComputeNodeInfo(List.of(), List.of(), List.of(), free, null, free, null, 0, 0, "");
    return new NodeState(
        new NodeInfo(id, type, Map.of(), List.of(), compute, null),
        membership,
        NodeConnection.CONNECTED,
        null);
  }

  private static List<String> ids(String orderBy, boolean reverse) {
    List<NodeState> nodes = new ArrayList<>(NODES);
    nodes.sort(NodeRoutes.order(orderBy, reverse));
    return nodes.stream().map(n -> n.info().nodeId()).toList();
  }

  @Test
  void nodesAreListedByIdUnlessAskedOtherwise() {
    assertEquals(List.of("n-a", "n-b", "n-c"), ids("", false));
    assertEquals(List.of("n-a", "n-b", "n-c"), ids("id", false));
    assertEquals(List.of("n-c", "n-b", "n-a"), ids("id", true));
  }

  @Test
  void availableCapacityComesLargestFirst() {
    assertEquals(List.of("n-b", "n-a", "n-c"), ids("available_cpu", false));
    assertEquals(List.of("n-a", "n-b", "n-c"), ids("available_memory", false));
    assertEquals(List.of("n-c", "n-b", "n-a"), ids("AVAILABLE_MEMORY", true));
    // equal capacities fall back to the ID, so the listing is the same every time
    assertEquals(List.of("n-a", "n-b", "n-c"), ids("available_gpu", false));
  }

  @Test
  void typeApprovalAndStatusOrderByTheirNames() {
    assertEquals(List.of("n-a", "n-b", "n-c"), ids("type", false));
    assertEquals(List.of("n-a", "n-b", "n-c"), ids("approval", false));
    assertEquals(List.of("n-a", "n-b", "n-c"), ids("status", false));
  }

  @Test
  void anUnknownOrderNamesTheParameterAndTheValidOnes() {
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> NodeRoutes.order("name", false));
    assertTrue(e.getMessage().contains("order_by"), e.getMessage());
    assertTrue(e.hint().contains("available_cpu"), e.hint());
  }
}
