package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.transport.nats.link.LinkListener;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.sequence.Checkpoint;
import io.bacalhau.transport.nats.sequence.InboundStream;
import io.bacalhau.transport.nats.sequence.Outbox;
import io.bacalhau.transport.nats.sequence.SequenceGate;
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
import io.bacalhau.transport.nats.wire.messages.ShutdownNoticeResponse;
import io.bacalhau.transport.nats.wire.messages.UpdateNodeInfoRequest;
import io.bacalhau.transport.nats.wire.messages.UpdateNodeInfoResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator's end of the transport: answers compute nodes' control requests (handshake,
 * heartbeat, node info, shutdown notice), hands their results to a {@link ComputeCallback}, and
 * gives one {@link RemoteComputeChannel} per node to send work with. Bad input from a node is
 * logged and dropped here; nothing a node sends can throw into the broker client or the
 * orchestrator.
 */
public final class OrchestratorTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OrchestratorTransport.class);

  private final NatsLink link;
  private final NodeRegistry nodes;
  private final ComputeResults results;
  private final Duration healthCheckInterval;
  private final Map<String, NodeLink> links = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("nats-node-health").factory());
  private List<AutoCloseable> subscriptions = List.of();

  public OrchestratorTransport(
      NatsLink link, NodeRegistry nodes, ComputeCallback callback, Duration healthCheckInterval) {
    this.link = link;
    this.nodes = nodes;
    this.results = new ComputeResults(callback);
    this.healthCheckInterval = healthCheckInterval;
  }

  /** Bacalhau's health check period for a disconnect timeout: a third of it, within 1 s..30 s. */
  public static Duration healthCheckInterval(Duration disconnectTimeout) {
    Duration third = disconnectTimeout.dividedBy(3);
    Duration min = Duration.ofSeconds(1);
    Duration max = Duration.ofSeconds(30);
    return third.compareTo(min) < 0 ? min : third.compareTo(max) > 0 ? max : third;
  }

  public OrchestratorTransport start() {
    subscriptions =
        List.of(
            link.subscribe(Subjects.allOutCtrl(), this::onControl),
            link.subscribe(Subjects.allOutMsgs(), this::onMessage));
    link.addListener(
        new LinkListener() {
          @Override
          public void reconnected() {
            links.values().forEach(l -> l.outbox().resendUnacked());
          }
        });
    long period = healthCheckInterval.toMillis();
    timer.scheduleAtFixedRate(this::checkHealth, period, period, TimeUnit.MILLISECONDS);
    link.flush(Duration.ofSeconds(5));
    return this;
  }

  /** The channel to a node that has handshaken at least once. */
  public Optional<RemoteComputeChannel> channel(String nodeId) {
    return Optional.ofNullable(links.get(nodeId)).map(NodeLink::channel);
  }

  public NodeRegistry nodes() {
    return nodes;
  }

  private void checkHealth() {
    try {
      nodes
          .checkHealth()
          .forEach(
              n ->
                  LOG.warn(
                      "compute node {} disconnected: no heartbeat for longer than the timeout",
                      n.info().nodeId()));
    } catch (RuntimeException e) {
      LOG.error("node health check failed", e);
    }
  }

  private void onControl(String subject, byte[] data, String replyTo) {
    String subjectNode = Subjects.nodeOf(subject);
    Envelope envelope = decodeOrLog("control", subjectNode, data);
    if (envelope == null) {
      return;
    }
    if (replyTo == null || replyTo.isEmpty()) {
      LOG.warn(
          "dropped {} from node {}: a control message needs a reply subject",
          envelope.type().wireName(),
          subjectNode);
      return;
    }
    try {
      Payload answer =
          switch (envelope.payload()) {
            case HandshakeRequest r -> handshake(subjectNode, r);
            case HeartbeatRequest r -> heartbeat(subjectNode, r);
            case UpdateNodeInfoRequest r ->
                !r.nodeInfo().nodeId().equals(subjectNode)
                    ? new UpdateNodeInfoResponse(
                        false, "NodeID does not match the subject's node " + subjectNode)
                    : nodes.updateInfo(r.nodeInfo())
                        ? new UpdateNodeInfoResponse(true, "")
                        : new UpdateNodeInfoResponse(
                            false, "node is not connected; handshake again");
            case ShutdownNoticeRequest r -> shutdown(subjectNode, r);
            default -> null;
          };
      if (answer == null) {
        LOG.warn(
            "dropped {} from node {}: not a control request",
            envelope.type().wireName(),
            subjectNode);
        return;
      }
      link.publish(replyTo, WireCodec.encode(Envelope.control(subjectNode, answer)));
    } catch (RuntimeException e) {
      LOG.error("handling {} from node {} failed", envelope.type().wireName(), subjectNode, e);
    }
  }

  private HandshakeResponse handshake(String subjectNode, HandshakeRequest r) {
    String nodeId = r.nodeInfo().nodeId();
    if (!nodeId.equals(subjectNode) || !Subjects.validNodeId(nodeId)) {
      return refuse(
          subjectNode,
          "node ID '" + nodeId + "' does not match its subject or cannot be a subject token");
    }
    Optional<String> refusal = nodes.handshake(r.nodeInfo());
    if (refusal.isPresent()) {
      return refuse(nodeId, refusal.get());
    }
    NodeLink l =
        links.computeIfAbsent(
            nodeId,
            id -> {
              NodeLink created = newLink(id);
              // No record of this node: its stream resumes after what an orchestrator acknowledged.
              created.inbound().gate().advanceTo(r.lastAckedComputeSeqNum());
              return created;
            });
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
    // Resent after the node's first heartbeat, once it has taken this answer's starting point.
    l.resendOnNextHeartbeat().set(true);
    LOG.info("compute node {} connected (orchestrator stream resumes after {})", nodeId, starting);
    return new HandshakeResponse(true, "", l.inbound().gate().lastProcessed(), starting);
  }

  private HandshakeResponse refuse(String nodeId, String reason) {
    LOG.warn("refused compute node {}: {}", nodeId, reason);
    return HandshakeResponse.refused(reason);
  }

  private HeartbeatResponse heartbeat(String subjectNode, HeartbeatRequest r) {
    NodeLink l = links.get(subjectNode);
    long processed = l == null ? 0 : l.inbound().gate().lastProcessed();
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
    return new ShutdownNoticeResponse(l == null ? 0 : l.inbound().gate().lastProcessed());
  }

  private void onMessage(String subject, byte[] data, String replyTo) {
    String subjectNode = Subjects.nodeOf(subject);
    Envelope envelope = decodeOrLog("data", subjectNode, data);
    if (envelope == null) {
      return;
    }
    NodeLink l = links.get(subjectNode);
    if (l == null) {
      LOG.warn(
          "dropped {} from node {}: it has not handshaken",
          envelope.type().wireName(),
          subjectNode);
      return;
    }
    if (nodes.get(subjectNode).map(s -> s.membership() == NodeMembership.REJECTED).orElse(true)) {
      LOG.warn(
          "dropped {} from node {}: the node is rejected", envelope.type().wireName(), subjectNode);
      return;
    }
    l.inbound().accept(envelope);
  }

  private Envelope decodeOrLog(String plane, String subjectNode, byte[] data) {
    if (subjectNode.isEmpty()) {
      LOG.warn("dropped a {} message on a subject that names no compute node", plane);
      return null;
    }
    return switch (WireCodec.decode(data)) {
      case Decoded.Rejected r -> {
        LOG.warn("dropped a {} message from node {}: {}", plane, subjectNode, r.reason());
        yield null;
      }
      case Decoded.Message m when !m.envelope().nodeId().equals(subjectNode) -> {
        LOG.warn(
            "dropped {} from node {}: it names node '{}'",
            m.envelope().type().wireName(),
            subjectNode,
            m.envelope().nodeId());
        yield null;
      }
      case Decoded.Message m -> m.envelope();
    };
  }

  private NodeLink newLink(String nodeId) {
    String subject = Subjects.computeInMsgs(nodeId);
    Outbox outbox = new Outbox(nodeId, e -> link.publish(subject, WireCodec.encode(e)));
    SequenceGate gate = new SequenceGate(Checkpoint.inMemory());
    InboundStream inbound =
        new InboundStream("from compute node " + nodeId, gate, results::deliver);
    return new NodeLink(
        outbox, inbound, new RemoteComputeChannel(nodeId, outbox), new AtomicBoolean());
  }

  @Override
  public void close() {
    timer.shutdownNow();
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        LOG.debug("unsubscribing failed", e);
      }
    }
  }
}
