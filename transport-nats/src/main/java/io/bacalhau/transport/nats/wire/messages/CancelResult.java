package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Compute to orchestrator: the execution was stopped as asked. */
public record CancelResult(
    @JsonProperty("ExecutionID") String executionId, @JsonProperty("Reason") String reason)
    implements Payload {}
