package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.ExecutionStateType;

/**
 * Compute to orchestrator: the execution moved to Running or Publishing. Bacalhau's orchestrator
 * learns this from the compute node's event log; here it is a message of its own.
 */
public record ExecutionProgress(
    @JsonProperty("ExecutionID") String executionId,
    @JsonProperty("State") ExecutionStateType state)
    implements Payload {}
