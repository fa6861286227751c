package io.bacalhau.transport.nats.node;

import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import io.bacalhau.core.models.NodeType;
import io.bacalhau.core.node.NodeDirectory;
import io.bacalhau.transport.nats.orchestrator.MembershipListener;
import io.bacalhau.transport.nats.orchestrator.NodeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The transport's node registry as core's {@link NodeDirectory}: the compute nodes that joined over
 * NATS, which of them the scheduler may place on (approved and connected), and their joins and
 * leaves for the orchestrator's re-evaluation. A pending node's handshake is not a join: it becomes
 * one when approved.
 *
 * <p>Joins and leaves heard before {@link #open} wait for it, in order. The transport listens
 * before the orchestrator exists, and a node that restarted while the orchestrator was down often
 * handshakes in between: its "node restarted" was heard by nobody, so the runs its old process held
 * stayed Running. Opened once the orchestrator started, the leave also comes after it adopted the
 * jobs of the process before it, so it finds those runs to fail.
 */
final class RegistryDirectory implements NodeDirectory {
  private final NodeRegistry registry;
  private final List<Listener> listeners = new ArrayList<>();
  private final List<Consumer<Listener>> waiting = new ArrayList<>();
  private boolean open;

  RegistryDirectory(NodeRegistry registry) {
    this.registry = registry;
    registry.addListener(
        new MembershipListener() {
          @Override
          public void joined(NodeState node) {
            if (node.membership() == NodeMembership.APPROVED) {
              tell(l -> l.joined(node.info().nodeId()));
            }
          }

          @Override
          public void left(NodeState node, String reason) {
            tell(l -> l.left(node.info().nodeId(), reason));
          }
        });
  }

  /** Tells the listeners what they missed, and from now on what happens. */
  synchronized void open() {
    open = true;
    waiting.forEach(listeners::forEach);
    waiting.clear();
  }

  private synchronized void tell(Consumer<Listener> event) {
    if (open) {
      listeners.forEach(event);
    } else {
      waiting.add(event);
    }
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
  public synchronized void addListener(Listener listener) {
    listeners.add(listener);
  }
}
