package io.bacalhau.cli.serve;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.node.LocalNode;
import io.bacalhau.core.node.NodeCluster;
import io.bacalhau.core.node.NodeRoles;
import io.bacalhau.transport.nats.node.ComputeSettings;
import io.bacalhau.transport.nats.node.ComputeSide;
import io.bacalhau.transport.nats.node.OrchestratorSettings;
import io.bacalhau.transport.nats.node.OrchestratorSide;
import java.io.PrintStream;

/**
 * The part of {@code serve} that talks NATS, and the only class of the CLI that uses the transport:
 * an orchestrator's broker and registry, or a compute node's link to its orchestrator. Built before
 * the node (the node's cluster wiring needs it), attached once the node exists.
 */
final class ClusterServing implements AutoCloseable {
  private final OrchestratorSide orchestrator;
  private final ComputeSide compute;
  private final NodeCluster cluster;

  private ClusterServing(OrchestratorSide orchestrator, ComputeSide compute, NodeCluster cluster) {
    this.orchestrator = orchestrator;
    this.compute = compute;
    this.cluster = cluster;
  }

  /**
   * Whether a node of these roles takes part in a cluster: always for one role alone; for a hybrid
   * only when an orchestrator network key is set, so that the default node stays on its own.
   */
  static boolean wanted(NodeRoles roles, BacalhauConfig config) {
    return !roles.isHybrid() || OrchestratorSettings.configured(config);
  }

  /**
   * Starts the broker (orchestrator, hybrid) or connects to {@code Compute.Orchestrators}
   * (compute), failing with an error that names the missing binary, the busy port, the unreachable
   * URL or the refused token.
   */
  static ClusterServing open(NodeRoles roles, BacalhauConfig config, String nodeId) {
    if (roles.orchestrator()) {
      OrchestratorSide side = OrchestratorSide.start(OrchestratorSettings.from(config));
      return new ClusterServing(
          side, null, NodeCluster.orchestrator(roles, side.directory(), side::channel));
    }
    ComputeSide side = ComputeSide.connect(ComputeSettings.from(config), nodeId);
    return new ClusterServing(null, side, NodeCluster.compute(side.callback()));
  }

  NodeCluster cluster() {
    return cluster;
  }

  /** Hands the node to the transport: reports to the orchestrator, or joins as a compute node. */
  void attach(LocalNode node, PrintStream err) {
    if (orchestrator != null) {
      orchestrator.bind(node.orchestrator());
      err.println(
          "Orchestrator accepting compute nodes at "
              + orchestrator.advertisedUrl()
              + " (Compute.Orchestrators of the compute nodes)");
    } else {
      compute.join(node::info, node.compute());
      err.println(
          "Compute node " + node.nodeId() + " joined its orchestrator; serving until stopped");
    }
  }

  @Override
  public void close() {
    if (compute != null) {
      compute.close();
    }
    if (orchestrator != null) {
      orchestrator.close();
    }
  }
}
