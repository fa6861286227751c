package io.bacalhau.plugins.docker;

import java.util.Map;

/**
 * Labels on every container and network the engine creates: they tie it to its job, execution and
 * node, so leftovers of a crashed node can be found and removed when it starts again.
 */
final class Labels {
  static final String EXECUTOR = "bacalhau-executor";
  static final String JOB = "bacalhau-jobID";
  static final String EXECUTION = "bacalhau-executionID";
  static final String NODE = "bacalhau-nodeID";
  static final String OWNER = "bacalhau-owner";
  static final String EXECUTOR_VALUE = "docker";

  private Labels() {}

  static Map<String, String> of(String nodeId, String jobId, String executionId) {
    return Map.of(
        EXECUTOR,
        EXECUTOR_VALUE,
        NODE,
        node(nodeId),
        JOB,
        jobId,
        EXECUTION,
        executionId,
        OWNER,
        Owner.current().label());
  }

  /** What every resource of this node carries: the filter of the cleanup at start. */
  static Map<String, String> ofNode(String nodeId) {
    return Map.of(EXECUTOR, EXECUTOR_VALUE, NODE, node(nodeId));
  }

  /** A CLI-embedded node may not have an ID; its resources still need a findable value. */
  private static String node(String nodeId) {
    return nodeId == null || nodeId.isBlank() ? "local" : nodeId;
  }
}
