package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The orchestrator's answer to a handshake, with Bacalhau's keys (lower-case {@code accepted} and
 * {@code reason}): {@code LastComputeSeqNum} is the last node message the orchestrator processed;
 * {@code LastOrchestratorSeqNum} is where the orchestrator's stream to the node resumes, after
 * which the node is to expect the next message.
 */
public record HandshakeResponse(
    @JsonProperty("accepted") boolean accepted,
    @JsonProperty("reason") String reason,
    @JsonProperty("LastComputeSeqNum") long lastComputeSeqNum,
    @JsonProperty("LastOrchestratorSeqNum") long startingOrchestratorSeqNum)
    implements Payload {

  public static HandshakeResponse refused(String reason) {
    return new HandshakeResponse(false, reason, 0, 0);
  }
}
