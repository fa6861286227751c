package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.sequence.Checkpoint;
import io.bacalhau.transport.nats.sequence.DurablePoint;
import io.bacalhau.transport.nats.sequence.InboundStream;
import io.bacalhau.transport.nats.sequence.Outbox;
import io.bacalhau.transport.nats.sequence.SequenceGate;
import io.bacalhau.transport.nats.wire.Envelope;
import io.bacalhau.transport.nats.wire.Subjects;
import io.bacalhau.transport.nats.wire.WireCodec;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams to and from every compute node this orchestrator talks to: those that handshook with
 * it, and known ones (from the membership file) that have not handshaken since it started, whose
 * messages wait in a held outbox until they do.
 */
final class NodeLinks {
  private static final Logger LOG = LoggerFactory.getLogger(NodeLinks.class);
  private final NatsLink link;
  private final ComputeResults results;
  private final Map<String, NodeLink> links = new ConcurrentHashMap<>();

  NodeLinks(NatsLink link, ComputeResults results) {
    this.link = link;
    this.results = results;
  }

  /** The link of a node that handshook with this orchestrator; null for others. */
  NodeLink get(String nodeId) {
    NodeLink l = links.get(nodeId);
    return l == null || !l.outbox().isOpen() ? null : l;
  }

  /**
   * The link of a node, created held when the node has not handshaken with this orchestrator: what
   * is sent to it waits for its handshake instead of being lost.
   */
  NodeLink getOrHold(String nodeId) {
    return links.computeIfAbsent(nodeId, id -> create(id, true));
  }

  Collection<NodeLink> all() {
    return links.values();
  }

  /**
   * The node's link; a node this orchestrator has no record of (it is new, or this orchestrator
   * restarted) gets one whose inbound stream resumes after {@code lastAckedComputeSeq}; so does one
   * whose link was held for it, and a node whose process started again ({@code startTime} differs
   * from its previous handshake's): a fresh process numbers its reports from the start. A held
   * link's outbox is still held: the handshake opens it once it knows where the node's stream
   * resumes.
   */
  NodeLink getOrCreate(String nodeId, long lastAckedComputeSeq, Instant startTime) {
    NodeLink l = links.computeIfAbsent(nodeId, id -> create(id, false));
    Instant previous = l.startTime().getAndSet(startTime);
    if (previous != null && startTime != null && !previous.equals(startTime)) {
      // A new process of the node: its streams start afresh. What was sent to the old one concerns
      // runs that died with it (they fail as "node restarted"); the old one's reports still being
      // committed must not move the new stream's acknowledgement.
      LOG.info("compute node {} restarted: its streams start again", nodeId);
      l = create(nodeId, false);
      l.startTime().set(startTime);
      links.put(nodeId, l);
    }
    if (!l.resumed().getAndSet(true)) {
      l.inbound().gate().advanceTo(lastAckedComputeSeq);
      l.recorded().advanceTo(lastAckedComputeSeq);
    }
    return l;
  }

  private NodeLink create(String nodeId, boolean held) {
    String subject = Subjects.computeInMsgs(nodeId);
    Consumer<Envelope> wire = e -> link.publish(subject, WireCodec.encode(e));
    Outbox outbox = held ? Outbox.held(nodeId, wire) : new Outbox(nodeId, wire);
    SequenceGate gate = new SequenceGate(Checkpoint.inMemory());
    DurablePoint recorded = new DurablePoint(0);
    InboundStream inbound =
        new InboundStream(
            "from compute node " + nodeId,
            gate,
            e -> results.deliver(e, () -> recorded.advanceTo(e.seqNum())));
    return new NodeLink(
        outbox,
        inbound,
        recorded,
        new RemoteComputeChannel(nodeId, outbox),
        new AtomicBoolean(),
        new AtomicBoolean(),
        new AtomicReference<>());
  }
}
