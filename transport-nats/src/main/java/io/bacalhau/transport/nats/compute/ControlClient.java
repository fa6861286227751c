package io.bacalhau.transport.nats.compute;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.ComputeNodeInfo;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.wire.Decoded;
import io.bacalhau.transport.nats.wire.Envelope;
import io.bacalhau.transport.nats.wire.Subjects;
import io.bacalhau.transport.nats.wire.WireCodec;
import io.bacalhau.transport.nats.wire.messages.HandshakeRequest;
import io.bacalhau.transport.nats.wire.messages.HandshakeResponse;
import io.bacalhau.transport.nats.wire.messages.HeartbeatRequest;
import io.bacalhau.transport.nats.wire.messages.HeartbeatResponse;
import io.bacalhau.transport.nats.wire.messages.Payload;
import io.bacalhau.transport.nats.wire.messages.ShutdownNoticeRequest;
import io.bacalhau.transport.nats.wire.messages.UpdateNodeInfoRequest;
import io.bacalhau.transport.nats.wire.messages.UpdateNodeInfoResponse;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A compute node's control requests: one request, one typed answer, on {@code out.ctrl}. */
final class ControlClient {
  private static final Logger LOG = LoggerFactory.getLogger(ControlClient.class);

  private final NatsLink link;
  private final String nodeId;
  private final String subject;
  private final Duration timeout;

  ControlClient(NatsLink link, String nodeId, Duration timeout) {
    this.link = link;
    this.nodeId = nodeId;
    this.subject = Subjects.computeOutCtrl(nodeId);
    this.timeout = timeout;
  }

  HandshakeResponse handshake(
      NodeInfo info, Instant startTime, long lastOrchestratorSeq, long lastAckedComputeSeq) {
    return ask(
        new HandshakeRequest(info, startTime, lastOrchestratorSeq, lastAckedComputeSeq),
        HandshakeResponse.class);
  }

  HeartbeatResponse heartbeat(ComputeNodeInfo capacity, long lastOrchestratorSeq) {
    return ask(
        new HeartbeatRequest(
            nodeId,
            capacity.availableCapacity(),
            capacity.queueUsedCapacity(),
            lastOrchestratorSeq),
        HeartbeatResponse.class);
  }

  boolean updateInfo(NodeInfo info) {
    UpdateNodeInfoResponse answer =
        ask(new UpdateNodeInfoRequest(info), UpdateNodeInfoResponse.class);
    if (!answer.accepted()) {
      LOG.warn("the orchestrator did not take node {}'s new info: {}", nodeId, answer.reason());
    }
    return answer.accepted();
  }

  void shutdownNotice(String reason, long lastOrchestratorSeq) {
    link.request(
        subject,
        WireCodec.encode(
            Envelope.control(
                nodeId, new ShutdownNoticeRequest(nodeId, reason, lastOrchestratorSeq))),
        timeout);
  }

  private <T extends Payload> T ask(Payload request, Class<T> answerType) {
    byte[] reply =
        link.request(subject, WireCodec.encode(Envelope.control(nodeId, request)), timeout);
    return switch (WireCodec.decode(reply)) {
      case Decoded.Message m when answerType.isInstance(m.envelope().payload()) ->
          answerType.cast(m.envelope().payload());
      case Decoded.Message m ->
          throw bad(
              "answered "
                  + io.bacalhau.transport.nats.wire.MessageType.of(request).wireName()
                  + " with "
                  + m.envelope().type().wireName());
      case Decoded.Rejected r -> throw bad("sent an unreadable answer: " + r.reason());
    };
  }

  private static BacalhauException bad(String what) {
    return BacalhauException.builder(ErrorCode.NETWORK_FAILURE, "the orchestrator " + what)
        .component("NATS")
        .retryable(true)
        .build();
  }
}
