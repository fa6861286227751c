package io.bacalhau.core.node;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.ConnectionState;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.models.NodeState;
import java.time.Instant;
import java.util.Locale;

/**
 * The membership of the one node of this process: it is its own compute node, so it is approved and
 * connected from the start, and it can be neither rejected nor deleted while it serves.
 */
final class NodeStates {
  private NodeStates() {}

  static NodeState connected(NodeInfo info, Instant since) {
    ConnectionState state = ConnectionState.connected(since, Instant.now());
    return new NodeState(info, NodeMembership.APPROVED, NodeConnection.CONNECTED, state);
  }

  /** Answers an approve, reject or delete of {@code requested} as Bacalhau would here. */
  static void update(String self, String requested, String action) {
    if (requested.isBlank() || !self.startsWith(requested)) {
      throw BacalhauException.notFound("NodeManager", "node not found: " + requested);
    }
    switch (action.strip().toLowerCase(Locale.ROOT)) {
      case "approve" ->
          throw BacalhauException.builder(
                  ErrorCode.BAD_REQUEST, "node " + self + " is already approved")
              .component("NodeManager")
              .build();
      case "reject", "delete" ->
          throw BacalhauException.builder(
                  ErrorCode.BAD_REQUEST,
                  "cannot "
                      + action.strip()
                      + " node "
                      + self
                      + ": it is the node serving this API")
              .component("NodeManager")
              .hint("Stop the node with 'bacalhau serve' instead.")
              .build();
      default ->
          throw BacalhauException.badRequest(
              "unknown node action '" + action + "'", "Valid actions: approve, reject, delete.");
    }
  }
}
