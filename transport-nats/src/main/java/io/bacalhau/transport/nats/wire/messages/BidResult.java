package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Compute to orchestrator: the node's answer to an ask for bid, with why it declined. */
public record BidResult(
    @JsonProperty("ExecutionID") String executionId,
    @JsonProperty("Accepted") boolean accepted,
    @JsonProperty("Reason") String reason)
    implements Payload {}
