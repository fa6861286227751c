package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;

/**
 * Orchestrator to compute: the node's bid won, run the execution. It carries the job and execution
 * again so a node need not have kept them from the ask.
 */
public record BidAccepted(
    @JsonProperty("Job") Job job, @JsonProperty("Execution") Execution execution)
    implements Payload {}
