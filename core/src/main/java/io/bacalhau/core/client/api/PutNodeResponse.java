package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a node action answers when it succeeded. */
public record PutNodeResponse(@JsonProperty("Success") boolean success) {}
