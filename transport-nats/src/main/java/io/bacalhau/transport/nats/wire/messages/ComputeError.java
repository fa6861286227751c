package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.RunCommandResult;

/**
 * Compute to orchestrator: the run could not be done. As in Bacalhau the error travels as an {@link
 * Event} whose details keep the structured fields (code, hint, retryable, ...).
 */
public record ComputeError(
    @JsonProperty("ExecutionID") String executionId,
    @JsonProperty("Event") Event event,
    @JsonProperty("RunCommandResult") RunCommandResult runCommandResult)
    implements Payload {}
