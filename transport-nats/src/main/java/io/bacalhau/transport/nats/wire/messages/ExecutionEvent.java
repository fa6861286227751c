package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.Event;

/** Compute to orchestrator: a step of the execution worth recording in its history. */
public record ExecutionEvent(
    @JsonProperty("ExecutionID") String executionId, @JsonProperty("Event") Event event)
    implements Payload {}
