package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** {@code GET /api/v1/agent/config}: the node's whole configuration, secrets masked. */
public record ConfigResponse(@JsonProperty("config") Map<String, Object> config) {}
