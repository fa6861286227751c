package io.bacalhau.transport.nats.node;

import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.node.NodeDirectory;
import io.bacalhau.transport.nats.orchestrator.MembershipListener;
import io.bacalhau.transport.nats.orchestrator.NodeRegistry;
import java.util.List;

/**
 * The transport's node registry as core's {@link NodeDirectory}: the compute nodes that joined over
 * NATS, which of them the scheduler may place on (approved and connected), and their joins and
 * leaves for the orchestrator's re-evaluation. A pending node's handshake is not a join: it becomes
 * one when approved.
 */
final class RegistryDirectory implements NodeDirectory {
  private final NodeRegistry registry;

  RegistryDirectory(NodeRegistry registry) {
    this.registry = registry;
  }

  @Override
  public List<NodeState> nodes() {
    return registry.list();
  }

  @Override
  public List<NodeInfo> candidates() {
    return registry.list().stream()
        .filter(RegistryDirectory::candidate)
        .map(NodeState::info)
        .toList();
  }

  private static boolean candidate(NodeState s) {
    return s.membership() == NodeMembership.APPROVED
        && s.connection() == NodeConnection.CONNECTED
        && s.info().nodeType() == NodeType.COMPUTE;
  }

  @Override
  public void update(String nodeIdOrPrefix, String action, String message) {
    registry.update(nodeIdOrPrefix, action);
  }

  @Override
  public void addListener(Listener listener) {
    registry.addListener(
        new MembershipListener() {
          @Override
          public void joined(NodeState node) {
            if (node.membership() == NodeMembership.APPROVED) {
              listener.joined(node.info().nodeId());
            }
          }

          @Override
          public void left(NodeState node, String reason) {
            listener.left(node.info().nodeId(), reason);
          }
        });
  }
}
