package io.bacalhau.transport.nats.wire;

import io.bacalhau.transport.nats.wire.messages.AskForBid;
import io.bacalhau.transport.nats.wire.messages.BidAccepted;
import io.bacalhau.transport.nats.wire.messages.BidRejected;
import io.bacalhau.transport.nats.wire.messages.BidResult;
import io.bacalhau.transport.nats.wire.messages.CancelExecution;
import io.bacalhau.transport.nats.wire.messages.CancelResult;
import io.bacalhau.transport.nats.wire.messages.ComputeError;
import io.bacalhau.transport.nats.wire.messages.ExecutionEvent;
import io.bacalhau.transport.nats.wire.messages.ExecutionProgress;
import io.bacalhau.transport.nats.wire.messages.HandshakeRequest;
import io.bacalhau.transport.nats.wire.messages.HandshakeResponse;
import io.bacalhau.transport.nats.wire.messages.HeartbeatRequest;
import io.bacalhau.transport.nats.wire.messages.HeartbeatResponse;
import io.bacalhau.transport.nats.wire.messages.Payload;
import io.bacalhau.transport.nats.wire.messages.RunResult;
import io.bacalhau.transport.nats.wire.messages.ShutdownNoticeRequest;
import io.bacalhau.transport.nats.wire.messages.ShutdownNoticeResponse;
import io.bacalhau.transport.nats.wire.messages.UpdateNodeInfoRequest;
import io.bacalhau.transport.nats.wire.messages.UpdateNodeInfoResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every message the transport carries, by the name Bacalhau writes in its {@code Bacalhau-Type}
 * metadata. The last three are ours: Bacalhau's orchestrator reads progress, cancellations and
 * execution events from the compute node's event log, which this transport carries as messages.
 */
public enum MessageType {
  HANDSHAKE_REQUEST("transport.HandshakeRequest", HandshakeRequest.class),
  HANDSHAKE_RESPONSE("transport.HandshakeResponse", HandshakeResponse.class),
  HEARTBEAT_REQUEST("transport.HeartbeatRequest", HeartbeatRequest.class),
  HEARTBEAT_RESPONSE("transport.HeartbeatResponse", HeartbeatResponse.class),
  UPDATE_NODE_INFO_REQUEST("transport.UpdateNodeInfoRequest", UpdateNodeInfoRequest.class),
  UPDATE_NODE_INFO_RESPONSE("transport.UpdateNodeInfoResponse", UpdateNodeInfoResponse.class),
  SHUTDOWN_NOTICE_REQUEST("transport.ShutdownNoticeRequest", ShutdownNoticeRequest.class),
  SHUTDOWN_NOTICE_RESPONSE("transport.ShutdownNoticeResponse", ShutdownNoticeResponse.class),
  ASK_FOR_BID("AskForBid", AskForBid.class),
  BID_ACCEPTED("BidAccepted", BidAccepted.class),
  BID_REJECTED("BidRejected", BidRejected.class),
  CANCEL_EXECUTION("CancelExecution", CancelExecution.class),
  BID_RESULT("BidResult", BidResult.class),
  RUN_RESULT("RunResult", RunResult.class),
  COMPUTE_ERROR("ComputeError", ComputeError.class),
  CANCEL_RESULT("CancelResult", CancelResult.class),
  EXECUTION_PROGRESS("ExecutionProgress", ExecutionProgress.class),
  EXECUTION_EVENT("ExecutionEvent", ExecutionEvent.class);

  private final String wireName;
  private final Class<? extends Payload> payloadType;

  MessageType(String wireName, Class<? extends Payload> payloadType) {
    this.wireName = wireName;
    this.payloadType = payloadType;
  }

  public String wireName() {
    return wireName;
  }

  public Class<? extends Payload> payloadType() {
    return payloadType;
  }

  public static Optional<MessageType> byWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  public static MessageType of(Payload payload) {
    for (MessageType t : values()) {
      if (t.payloadType == payload.getClass()) {
        return t;
      }
    }
    throw new IllegalArgumentException("no message type for " + payload.getClass());
  }
}
