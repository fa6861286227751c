package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.NodeState;
import java.util.List;

/** {@code GET /api/v1/orchestrator/nodes}: Bacalhau names this list Nodes, not Items. */
public record ListNodesResponse(
    @JsonProperty("Nodes") List<NodeState> nodes, @JsonProperty("NextToken") String nextToken) {
  public ListNodesResponse {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    nextToken = nextToken == null ? "" : nextToken;
  }
}
