package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Orchestrator to compute: stop the execution; {@code Justification} is Bacalhau's key. */
public record CancelExecution(
    @JsonProperty("ExecutionID") String executionId,
    @JsonProperty("Justification") String justification)
    implements Payload {}
