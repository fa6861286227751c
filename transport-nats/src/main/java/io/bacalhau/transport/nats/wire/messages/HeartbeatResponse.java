package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The orchestrator's acknowledgement of a heartbeat: the last compute message it processed. {@code
 * accepted} false (with a reason) tells a node the orchestrator no longer knows it, so it must
 * handshake again.
 */
public record HeartbeatResponse(
    @JsonProperty("LastComputeSeqNum") long lastComputeSeqNum,
    @JsonProperty("accepted") boolean accepted,
    @JsonProperty("reason") String reason)
    implements Payload {}
