package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /api/v1/agent/alive}. */
public record AliveResponse(@JsonProperty("Status") String status) {}
