package io.bacalhau.core.node;

import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeState;
import java.util.ArrayList;
import java.util.List;

/**
 * A hybrid node's view of the cluster: its own compute node first, then the nodes that joined over
 * the network. The own node is answered for here, so it is listed and placed on whether or not the
 * transport also registered it.
 */
final class HybridDirectory implements NodeDirectory {
  private final SelfDirectory self;
  private final String selfId;
  private final NodeDirectory remote;

  HybridDirectory(SelfDirectory self, String selfId, NodeDirectory remote) {
    this.self = self;
    this.selfId = selfId;
    this.remote = remote;
  }

  @Override
  public List<NodeState> nodes() {
    List<NodeState> all = new ArrayList<>(self.nodes());
    remote.nodes().stream().filter(n -> !selfId.equals(n.info().nodeId())).forEach(all::add);
    return all;
  }

  @Override
  public List<NodeInfo> candidates() {
    List<NodeInfo> all = new ArrayList<>(self.candidates());
    remote.candidates().stream().filter(n -> !selfId.equals(n.nodeId())).forEach(all::add);
    return all;
  }

  @Override
  public void update(String nodeIdOrPrefix, String action, String message) {
    if (!nodeIdOrPrefix.isBlank() && selfId.startsWith(nodeIdOrPrefix)) {
      self.update(nodeIdOrPrefix, action, message);
    } else {
      remote.update(nodeIdOrPrefix, action, message);
    }
  }

  @Override
  public void addListener(Listener listener) {
    remote.addListener(listener);
  }
}
