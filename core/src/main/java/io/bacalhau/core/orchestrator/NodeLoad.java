package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The work this orchestrator has placed on each node and not yet seen end, in memory. A node's own
 * report of its load lags behind (a heartbeat every 15 s, or only after its bid), so without this a
 * burst of jobs would all rank the same node first; with it, each placement counts against the node
 * at once, and the scheduler sees the larger of the two loads.
 */
final class NodeLoad {
  private record Placed(String nodeId, Resources resources) {}

  private final Map<String, Placed> placed = new ConcurrentHashMap<>();

  void placed(Execution e) {
    placed.put(e.id(), new Placed(e.nodeId(), e.allocatedResources().total()));
  }

  void ended(String executionId) {
    placed.remove(executionId);
  }

  void nodeGone(String nodeId) {
    placed.values().removeIf(p -> p.nodeId().equals(nodeId));
  }

  /** The nodes as the scheduler should see them: each node's reported load or ours, the larger. */
  List<NodeInfo> adjust(List<NodeInfo> nodes) {
    if (placed.isEmpty()) {
      return nodes;
    }
    Map<String, Resources> byNode = new ConcurrentHashMap<>();
    placed.values().forEach(p -> byNode.merge(p.nodeId(), p.resources(), Resources::add));
    List<NodeInfo> adjusted = new ArrayList<>(nodes.size());
    for (NodeInfo node : nodes) {
      Resources ours = byNode.get(node.nodeId());
      adjusted.add(ours == null ? node : withLoad(node, ours));
    }
    return adjusted;
  }

  private static NodeInfo withLoad(NodeInfo node, Resources ours) {
    ComputeNodeInfo c = node.computeNodeInfo();
    Resources reported = CapacityRank.busy(c);
    Resources busy =
        new Resources(
            Math.max(reported.cpu(), ours.cpu()),
            Math.max(reported.memory(), ours.memory()),
            Math.max(reported.disk(), ours.disk()),
            Math.max(reported.gpu(), ours.gpu()));
    Resources max = c.maxCapacity();
    Resources running = min(busy, max);
    Resources queued = busy.subtract(running);
    ComputeNodeInfo loaded =
        new ComputeNodeInfo(
            c.executionEngines(),
            c.publishers(),
            c.storageSources(),
            max,
            queued,
            max.subtract(running),
            c.maxJobRequirements(),
            c.runningExecutions(),
            c.enqueuedExecutions(),
            c.address(),
            c.gpuDiscovery());
    return new NodeInfo(
        node.nodeId(),
        node.nodeType(),
        node.labels(),
        node.supportedProtocols(),
        loaded,
        node.bacalhauVersion());
  }

  private static Resources min(Resources a, Resources b) {
    return new Resources(
        Math.min(a.cpu(), b.cpu()),
        Math.min(a.memory(), b.memory()),
        Math.min(a.disk(), b.disk()),
        Math.min(a.gpu(), b.gpu()));
  }
}
