package io.bacalhau.core.node;

import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.core.protocol.ComputeRouter;

/**
 * How a node takes part in a cluster; {@link #LOCAL} is a process on its own (today's default).
 *
 * @param roles orchestrator, compute or both
 * @param directory the remote nodes an orchestrator knows (null: none, only its own compute node)
 * @param router the channels to remote compute nodes (null: none); a hybrid routes its own node id
 *     to its own compute node before asking this one
 * @param computeCallback where a compute-only node reports (the transport to its orchestrator);
 *     null for a node that is also the orchestrator, whose compute reports to it directly
 * @param logs where {@code job logs} reads output (null: the local executions folder)
 */
public record NodeCluster(
    NodeRoles roles,
    NodeDirectory directory,
    ComputeRouter router,
    ComputeCallback computeCallback,
    ExecutionLogSource logs) {

  public static final NodeCluster LOCAL = new NodeCluster(NodeRoles.HYBRID, null, null, null, null);

  public NodeCluster {
    roles = roles == null ? NodeRoles.HYBRID : roles;
    if (!roles.orchestrator() && computeCallback == null) {
      throw new IllegalArgumentException("a compute-only node needs a callback to report to");
    }
  }

  /** An orchestrator (hybrid or not) that places on the nodes of {@code directory}. */
  public static NodeCluster orchestrator(
      NodeRoles roles, NodeDirectory directory, ComputeRouter router) {
    return new NodeCluster(roles, directory, router, null, null);
  }

  /** A compute node that reports to its orchestrator through {@code callback}. */
  public static NodeCluster compute(ComputeCallback callback) {
    return new NodeCluster(NodeRoles.COMPUTE, null, null, callback, null);
  }

  public NodeCluster withLogs(ExecutionLogSource other) {
    return new NodeCluster(roles, directory, router, computeCallback, other);
  }
}
