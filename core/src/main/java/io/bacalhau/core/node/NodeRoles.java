package io.bacalhau.core.node;

/**
 * What a node process is: an orchestrator, a compute node, or both (a hybrid, the default of a
 * local process). Bacalhau's {@code serve --orchestrator} / {@code --compute}.
 */
public record NodeRoles(boolean orchestrator, boolean compute) {
  public static final NodeRoles HYBRID = new NodeRoles(true, true);
  public static final NodeRoles ORCHESTRATOR = new NodeRoles(true, false);
  public static final NodeRoles COMPUTE = new NodeRoles(false, true);

  public NodeRoles {
    if (!orchestrator && !compute) {
      throw new IllegalArgumentException("a node is an orchestrator, a compute node or both");
    }
  }

  public boolean isHybrid() {
    return orchestrator && compute;
  }
}
