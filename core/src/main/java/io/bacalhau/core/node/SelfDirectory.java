package io.bacalhau.core.node;

import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.NodeType;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The directory of a process that is its own only compute node: approved and connected from the
 * start, never joining or leaving, and neither rejected nor deleted while it serves.
 */
final class SelfDirectory implements NodeDirectory {
  private final Supplier<NodeInfo> info;
  private final Instant since;

  SelfDirectory(Supplier<NodeInfo> info, Instant since) {
    this.info = info;
    this.since = since;
  }

  @Override
  public List<NodeState> nodes() {
    return List.of(NodeStates.connected(info.get(), since));
  }

  /** Itself when it is a compute node; an orchestrator alone has nothing to place on. */
  @Override
  public List<NodeInfo> candidates() {
    NodeInfo self = info.get();
    return self.nodeType() == NodeType.COMPUTE ? List.of(self) : List.of();
  }

  @Override
  public void update(String nodeIdOrPrefix, String action, String message) {
    NodeStates.update(info.get().nodeId(), nodeIdOrPrefix, action);
  }

  /** Nothing ever joins or leaves: the node is there as long as the process. */
  @Override
  public void addListener(Listener listener) {}
}
