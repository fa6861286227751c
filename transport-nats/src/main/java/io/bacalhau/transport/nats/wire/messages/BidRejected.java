package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Orchestrator to compute: the node's bid lost; it should hold nothing for the execution. */
public record BidRejected(
    @JsonProperty("ExecutionID") String executionId, @JsonProperty("Reason") String reason)
    implements Payload {}
