package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code PUT /api/v1/orchestrator/nodes/{id}}: action is approve, reject or delete. */
public record PutNodeRequest(
    @JsonProperty("Action") String action,
    @JsonProperty("Message") String message,
    @JsonProperty("NodeID") String nodeId) {}
