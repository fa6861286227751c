package io.bacalhau.transport.nats.wire.messages;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The orchestrator's acknowledgement of a shutdown notice. */
public record ShutdownNoticeResponse(@JsonProperty("LastComputeSeqNum") long lastComputeSeqNum)
    implements Payload {}
