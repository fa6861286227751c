package io.bacalhau.cli.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.errors.UsageException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bacalhau's devstack counts become one node with an orchestrator and the compute nodes. */
class StackLayoutTest {
  private final Path root = Path.of("/tmp/stack");

  @Test
  void theDefaultIsOneOrchestratorAndThreeComputeNodesEachInItsOwnFolder() {
    List<StackNode> nodes = StackLayout.of(1, 3, 0, root);
    assertEquals(
        List.of("orchestrator", "compute-1", "compute-2", "compute-3"),
        nodes.stream().map(StackNode::name).toList());
    assertEquals(List.of("--orchestrator"), List.of(nodes.get(0).roleFlags()));
    assertEquals(List.of("--compute"), List.of(nodes.get(1).roleFlags()));
    assertEquals(root.resolve("compute-2"), nodes.get(2).dataDir());
  }

  @Test
  void aHybridMayTakeTheOrchestratorsPlace() {
    StackNode head = StackLayout.of(0, 2, 1, root).get(0);
    assertEquals(List.of("--orchestrator", "--compute"), List.of(head.roleFlags()));
  }

  @Test
  void anythingButOneOrchestratorIsAUsageErrorThatSaysWhatWorks() {
    UsageException two = assertThrows(UsageException.class, () -> StackLayout.of(2, 3, 0, root));
    assertTrue(two.getMessage().contains("--orchestrators 2"), two.getMessage());
    assertTrue(two.hint().contains("--orchestrators 0 --hybrids 1"), two.hint());
    assertThrows(UsageException.class, () -> StackLayout.of(1, 3, 1, root));
    assertThrows(UsageException.class, () -> StackLayout.of(0, 3, 0, root));
    assertThrows(UsageException.class, () -> StackLayout.of(1, -1, 0, root));
  }
}
