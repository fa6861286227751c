package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.transport.nats.sequence.Outbox;
import io.bacalhau.transport.nats.wire.Subjects;
import io.bacalhau.transport.nats.wire.messages.HandshakeRequest;
import io.bacalhau.transport.nats.wire.messages.HandshakeResponse;
import io.bacalhau.transport.nats.wire.messages.HeartbeatRequest;
import io.bacalhau.transport.nats.wire.messages.HeartbeatResponse;
import io.bacalhau.transport.nats.wire.messages.Payload;
import io.bacalhau.transport.nats.wire.messages.ShutdownNoticeRequest;
import io.bacalhau.transport.nats.wire.messages.ShutdownNoticeResponse;
import io.bacalhau.transport.nats.wire.messages.UpdateNodeInfoRequest;
import io.bacalhau.transport.nats.wire.messages.UpdateNodeInfoResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's answers to compute nodes' control requests: who may join and where their
 * streams resume (handshake), who is alive and what each side acknowledged (heartbeat), what a node
 * now offers (node info) and who leaves (shutdown notice).
 */
final class ControlPlane {
  private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);

  private final NodeRegistry nodes;
  private final NodeLinks links;

  ControlPlane(NodeRegistry nodes, NodeLinks links) {
    this.nodes = nodes;
    this.links = links;
  }

  /** The answer to a request from the node named by its subject; null if it is not a request. */
  Payload answer(String subjectNode, Payload request) {
    return switch (request) {
      case HandshakeRequest r -> handshake(subjectNode, r);
      case HeartbeatRequest r -> heartbeat(subjectNode, r);
      case UpdateNodeInfoRequest r -> updateInfo(subjectNode, r);
      case ShutdownNoticeRequest r -> shutdown(subjectNode, r);
      default -> null;
    };
  }

  private UpdateNodeInfoResponse updateInfo(String subjectNode, UpdateNodeInfoRequest r) {
    if (!r.nodeInfo().nodeId().equals(subjectNode)) {
      return new UpdateNodeInfoResponse(
          false, "NodeID does not match the subject's node " + subjectNode);
    }
    return nodes.updateInfo(r.nodeInfo())
        ? new UpdateNodeInfoResponse(true, "")
        : new UpdateNodeInfoResponse(false, "node is not connected; handshake again");
  }

  private HandshakeResponse handshake(String subjectNode, HandshakeRequest r) {
    String nodeId = r.nodeInfo().nodeId();
    if (!nodeId.equals(subjectNode) || !Subjects.validNodeId(nodeId)) {
      return refuse(
          subjectNode,
          "node ID '" + nodeId + "' does not match its subject or cannot be a subject token");
    }
    Optional<String> refusal = nodes.handshake(r.nodeInfo(), r.startTime());
    if (refusal.isPresent()) {
      return refuse(nodeId, refusal.get());
    }
    NodeLink l = links.getOrCreate(nodeId, r.lastAckedComputeSeqNum(), r.startTime());
    Outbox outbox = l.outbox();
    long claim = r.lastOrchestratorSeqNum();
    long starting;
    if (claim < outbox.acked()) {
      // The node forgot what it processed (a fresh start): continue after what it acknowledged.
      starting = outbox.acked();
    } else {
      starting = claim;
      outbox.acknowledged(claim);
    }
    // What was sent to the node before this handshake (it is known from before a restart of this
    // orchestrator) waited unnumbered; it is numbered after the starting point and goes below.
    outbox.open();
    // Resent after the node's first heartbeat, once it has taken this answer's starting point.
    l.resendOnNextHeartbeat().set(true);
    LOG.info("compute node {} connected (orchestrator stream resumes after {})", nodeId, starting);
    // The node keeps what it sent after this point and sends it again: a report taken but not yet
    // committed here would otherwise be lost to a crash of this orchestrator.
    return new HandshakeResponse(true, "", l.recorded().value(), starting);
  }

  private HandshakeResponse refuse(String nodeId, String reason) {
    LOG.warn("refused compute node {}: {}", nodeId, reason);
    return HandshakeResponse.refused(reason);
  }

  private HeartbeatResponse heartbeat(String subjectNode, HeartbeatRequest r) {
    NodeLink l = links.get(subjectNode);
    long processed = l == null ? 0 : l.recorded().value();
    if (l == null
        || !r.nodeId().equals(subjectNode)
        || !nodes.heartbeat(
            subjectNode,
            r.availableCapacity(),
            r.queueUsedCapacity(),
            r.lastOrchestratorSeqNum(),
            processed)) {
      return new HeartbeatResponse(
          processed,
          false,
          "node " + subjectNode + " is not connected to this orchestrator; handshake again");
    }
    l.outbox().acknowledged(r.lastOrchestratorSeqNum());
    if (l.resendOnNextHeartbeat().getAndSet(false)) {
      l.outbox().resendUnacked();
    } else {
      l.outbox().resendIfStalled();
    }
    return new HeartbeatResponse(processed, true, "");
  }

  private ShutdownNoticeResponse shutdown(String subjectNode, ShutdownNoticeRequest r) {
    NodeLink l = links.get(subjectNode);
    if (l != null && r.nodeId().equals(subjectNode)) {
      l.outbox().acknowledged(r.lastOrchestratorSeqNum());
      nodes.shutdown(subjectNode);
      LOG.info("compute node {} left: {}", subjectNode, r.reason());
    }
    return new ShutdownNoticeResponse(l == null ? 0 : l.recorded().value());
  }
}
