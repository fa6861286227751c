package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.NodeState;

/** {@code GET /api/v1/orchestrator/nodes/{idPrefix}}. */
public record GetNodeResponse(@JsonProperty("Node") NodeState node) {}
