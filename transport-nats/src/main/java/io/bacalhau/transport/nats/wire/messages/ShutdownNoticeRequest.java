package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A compute node leaving on purpose, so the orchestrator need not wait for the heartbeat timeout.
 */
public record ShutdownNoticeRequest(
    @JsonProperty("NodeID") String nodeId,
    @JsonProperty("Reason") String reason,
    @JsonProperty("LastOrchestratorSeqNum") long lastOrchestratorSeqNum)
    implements Payload {}
