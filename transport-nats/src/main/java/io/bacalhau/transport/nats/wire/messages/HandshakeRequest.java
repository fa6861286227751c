package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.NodeInfo;
import java.time.Instant;

/**
 * A compute node asking to join: what it is, when it started, the last orchestrator message it
 * processed (so the orchestrator resends only what came after) and, our addition to Bacalhau's
 * request, the last of its own messages an orchestrator acknowledged: an orchestrator that has no
 * record of the node (it restarted) expects the node's next message after that one.
 */
public record HandshakeRequest(
    @JsonProperty("NodeInfo") NodeInfo nodeInfo,
    @JsonProperty("StartTime") Instant startTime,
    @JsonProperty("LastOrchestratorSeqNum") long lastOrchestratorSeqNum,
    @JsonProperty("LastAckedComputeSeqNum") long lastAckedComputeSeqNum)
    implements Payload {}
