package io.bacalhau.transport.nats.wire;

/**
 * Bacalhau's NCL subjects. Each compute node has a stream in ({@code in.msgs}, orchestrator to
 * node) and out ({@code out.msgs}); control requests (handshake, heartbeat, node info, shutdown) go
 * on {@code out.ctrl}, which the orchestrator hears for every node through one wildcard.
 */
public final class Subjects {
  private static final String PREFIX = "bacalhau.global.compute.";

  private Subjects() {}

  public static String computeInMsgs(String nodeId) {
    return PREFIX + nodeId + ".in.msgs";
  }

  public static String computeOutMsgs(String nodeId) {
    return PREFIX + nodeId + ".out.msgs";
  }

  public static String computeOutCtrl(String nodeId) {
    return PREFIX + nodeId + ".out.ctrl";
  }

  public static String allOutCtrl() {
    return PREFIX + "*.out.ctrl";
  }

  public static String allOutMsgs() {
    return PREFIX + "*.out.msgs";
  }

  /** The node a subject of this family names, or "" when it is not one of them. */
  public static String nodeOf(String subject) {
    if (subject == null || !subject.startsWith(PREFIX)) {
      return "";
    }
    int end = subject.indexOf('.', PREFIX.length());
    return end < 0 ? "" : subject.substring(PREFIX.length(), end);
  }

  /**
   * Whether a node id can be a subject token: NATS splits on dots and treats {@code *} and {@code
   * >} as wildcards, so such an id would address other nodes' subjects.
   */
  public static boolean validNodeId(String nodeId) {
    return nodeId != null
        && !nodeId.isBlank()
        && nodeId
            .chars()
            .noneMatch(c -> c == '.' || c == '*' || c == '>' || Character.isWhitespace(c));
  }
}
