package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;

/**
 * Orchestrator to compute: bid on this execution (a direct bid when its desired state is Running).
 */
public record AskForBid(
    @JsonProperty("Job") Job job, @JsonProperty("Execution") Execution execution)
    implements Payload {}
