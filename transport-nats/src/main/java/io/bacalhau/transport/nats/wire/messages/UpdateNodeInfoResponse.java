package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the orchestrator took a node-info update; the reason says why not. */
public record UpdateNodeInfoResponse(
    @JsonProperty("accepted") boolean accepted, @JsonProperty("reason") String reason)
    implements Payload {}
