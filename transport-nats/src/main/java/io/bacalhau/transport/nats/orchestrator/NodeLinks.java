package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.transport.nats.link.NatsLink;
import io.bacalhau.transport.nats.sequence.Checkpoint;
import io.bacalhau.transport.nats.sequence.InboundStream;
import io.bacalhau.transport.nats.sequence.Outbox;
import io.bacalhau.transport.nats.sequence.SequenceGate;
import io.bacalhau.transport.nats.wire.Subjects;
import io.bacalhau.transport.nats.wire.WireCodec;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The streams to and from every compute node that has handshaken with this orchestrator. */
final class NodeLinks {
  private final NatsLink link;
  private final ComputeResults results;
  private final Map<String, NodeLink> links = new ConcurrentHashMap<>();

  NodeLinks(NatsLink link, ComputeResults results) {
    this.link = link;
    this.results = results;
  }

  NodeLink get(String nodeId) {
    return links.get(nodeId);
  }

  Collection<NodeLink> all() {
    return links.values();
  }

  /**
   * The node's link; a node this orchestrator has no record of (it is new, or this orchestrator
   * restarted) gets one whose inbound stream resumes after {@code lastAckedComputeSeq}.
   */
  NodeLink getOrCreate(String nodeId, long lastAckedComputeSeq) {
    return links.computeIfAbsent(
        nodeId,
        id -> {
          NodeLink created = create(id);
          created.inbound().gate().advanceTo(lastAckedComputeSeq);
          return created;
        });
  }

  private NodeLink create(String nodeId) {
    String subject = Subjects.computeInMsgs(nodeId);
    Outbox outbox = new Outbox(nodeId, e -> link.publish(subject, WireCodec.encode(e)));
    SequenceGate gate = new SequenceGate(Checkpoint.inMemory());
    InboundStream inbound =
        new InboundStream("from compute node " + nodeId, gate, results::deliver);
    return new NodeLink(
        outbox, inbound, new RemoteComputeChannel(nodeId, outbox), new AtomicBoolean());
  }
}
