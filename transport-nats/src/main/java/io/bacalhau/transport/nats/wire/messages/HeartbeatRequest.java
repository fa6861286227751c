package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.Resources;

/** A compute node saying it is alive, with its free and queued capacity and what it processed. */
public record HeartbeatRequest(
    @JsonProperty("NodeID") String nodeId,
    @JsonProperty("AvailableCapacity") Resources availableCapacity,
    @JsonProperty("QueueUsedCapacity") Resources queueUsedCapacity,
    @JsonProperty("LastOrchestratorSeqNum") long lastOrchestratorSeqNum)
    implements Payload {}
