package io.bacalhau.core.node;

import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeState;
import java.util.List;

/**
 * The nodes an orchestrator knows: every one for {@code node list}, and the compute nodes it may
 * place executions on. A local process knows only itself ({@link SelfDirectory}); the cluster
 * transport keeps the nodes that joined over the network.
 */
public interface NodeDirectory {

  /** Every known node, whatever its membership and connection. */
  List<NodeState> nodes();

  /** Compute nodes that are APPROVED and CONNECTED: what the scheduler may place on. */
  List<NodeInfo> candidates();

  /**
   * Approves, rejects or deletes the node whose id starts with {@code nodeIdOrPrefix}, failing with
   * Bacalhau's errors (not found, already approved, already rejected, unknown action).
   */
  void update(String nodeIdOrPrefix, String action, String message);

  void addListener(Listener listener);

  /** Told when a node becomes a candidate and when it stops being one. */
  interface Listener {
    void joined(String nodeId);

    void left(String nodeId, String reason);
  }
}
