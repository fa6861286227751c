package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.core.models.NodeMembership;
import io.bacalhau.core.protocol.ComputeCallback;
import io.bacalhau.transport.nats.link.LinkListener;
import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.wire.Decoded;
import io.bacalhau.transport.nats.wire.Envelope;
import io.bacalhau.transport.nats.wire.Subjects;
import io.bacalhau.transport.nats.wire.WireCodec;
import io.bacalhau.transport.nats.wire.messages.Payload;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
  private final Duration healthCheckInterval;
  private final NodeLinks links;
  private final ControlPlane control;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("nats-node-health").factory());
  private List<AutoCloseable> subscriptions = List.of();

  public OrchestratorTransport(
      NatsLink link, NodeRegistry nodes, ComputeCallback callback, Duration healthCheckInterval) {
    this.link = link;
    this.nodes = nodes;
    this.links = new NodeLinks(link, new ComputeResults(callback));
    this.control = new ControlPlane(nodes, links);
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
            links.all().forEach(l -> l.outbox().resendUnacked());
          }
        });
    long period = healthCheckInterval.toMillis();
    timer.scheduleAtFixedRate(this::checkHealth, period, period, TimeUnit.MILLISECONDS);
    link.flush(Duration.ofSeconds(5));
    return this;
  }

  /**
   * The channel to a node that has handshaken with this orchestrator, or that its registry knows
   * from before a restart: messages to the latter wait until it handshakes (about one heartbeat
   * after the restart) and then go in order, each once, instead of being lost.
   */
  public Optional<RemoteComputeChannel> channel(String nodeId) {
    NodeLink joined = links.get(nodeId);
    if (joined != null) {
      return Optional.of(joined.channel());
    }
    return nodes.get(nodeId).map(s -> links.getOrHold(nodeId).channel());
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
      Payload answer = control.answer(subjectNode, envelope.payload());
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
