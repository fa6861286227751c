package io.bacalhau.core.orchestrator;

import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The work this orchestrator has placed on each node and not yet seen end, in memory. A node's own
 * report of its load lags behind (a heartbeat every 15 s, or only after its bid), so without this a
 * burst of jobs would all rank the same node first; with it, each placement counts against the node
 * at once, and the scheduler sees the larger of the two loads.
 */
final class NodeLoad {
  private record Placed(String nodeId, Resources resources) {}

  // Guarded by this: the executions and each node's total move together. Totals are kept as the
  // executions come and go, so that looking costs the same with one job in flight or thousands.
  private final Map<String, Placed> placed = new HashMap<>();
  private final Map<String, Resources> byNode = new HashMap<>();

  synchronized void placed(Execution e) {
    Placed p = new Placed(e.nodeId(), e.allocatedResources().total());
    Placed before = placed.put(e.id(), p);
    if (before != null) {
      remove(before);
    }
    byNode.merge(p.nodeId(), p.resources(), Resources::add);
  }

  synchronized void ended(String executionId) {
    Placed p = placed.remove(executionId);
    if (p != null) {
      remove(p);
    }
  }

  synchronized void nodeGone(String nodeId) {
    placed.values().removeIf(p -> p.nodeId().equals(nodeId));
    byNode.remove(nodeId);
  }

  private void remove(Placed p) {
    byNode.computeIfPresent(
        p.nodeId(),
        (id, total) -> {
          Resources left = total.subtract(p.resources());
          return left.cpu() <= 1e-9 && left.memory() <= 0 && left.disk() <= 0 && left.gpu() <= 0
              ? null
              : left;
        });
  }

  /** The nodes as the scheduler should see them: each node's reported load or ours, the larger. */
  synchronized List<NodeInfo> adjust(List<NodeInfo> nodes) {
    if (byNode.isEmpty()) {
      return nodes;
    }
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
