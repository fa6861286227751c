package io.bacalhau.transport.nats.sequence;

import io.bacalhau.transport.nats.wire.Envelope;
import io.bacalhau.transport.nats.wire.messages.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending end of one ordered stream: numbers each message, keeps it until the receiver says (in
 * a handshake or heartbeat) that it processed it, and sends the unacknowledged ones again after a
 * reconnect or when acknowledgements stall. The receiver's {@link SequenceGate} drops the copies.
 *
 * <p>A held outbox (see {@link #held}) belongs to a receiver whose place in the stream is not known
 * yet: it keeps messages unnumbered until {@link #open} and numbers them after the place the
 * handshake named, so that none is taken for a replay of what the receiver processed before.
 */
public final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final String nodeId;
  private final Consumer<Envelope> wire;
  private final NavigableMap<Long, Envelope> unacked = new TreeMap<>();
  private long lastAssigned;
  private long acked;
  private long assignedAtLastCheck;
  private final List<Payload> waiting = new ArrayList<>();
  private boolean open = true;

  /**
   * @param nodeId the compute node whose stream this is
   * @param wire publishes one envelope; it may throw when the link is down, the message then waits
   *     here for the next resend
   */
  public Outbox(String nodeId, Consumer<Envelope> wire) {
    this.nodeId = nodeId;
    this.wire = wire;
  }

  /**
   * An outbox for a receiver that has not said yet where its stream resumes (a known compute node
   * after this orchestrator restarted): messages wait, unnumbered and unsent, until {@link #open}.
   */
  public static Outbox held(String nodeId, Consumer<Envelope> wire) {
    Outbox outbox = new Outbox(nodeId, wire);
    outbox.open = false;
    return outbox;
  }

  /**
   * Numbers and sends a message; it stays here until acknowledged.
   *
   * @return the envelope sent, or null while the outbox is held (the message then waits)
   */
  public synchronized Envelope send(Payload payload) {
    if (!open) {
      waiting.add(payload);
      return null;
    }
    Envelope envelope = Envelope.sequenced(nodeId, ++lastAssigned, payload);
    unacked.put(envelope.seqNum(), envelope);
    publish(envelope);
    return envelope;
  }

  /** The receiver processed everything up to {@code seqNum}. */
  public synchronized void acknowledged(long seqNum) {
    if (seqNum > lastAssigned) {
      // The receiver remembers more of this stream than this sender (this side restarted):
      // continue numbering after it, or everything sent would look like a replay.
      LOG.info(
          "stream {}: receiver is at {}, this sender at {}; continuing after it",
          nodeId,
          seqNum,
          lastAssigned);
      lastAssigned = seqNum;
    }
    acked = Math.max(acked, seqNum);
    unacked.headMap(seqNum, true).clear();
  }

  /**
   * The receiver's place is known (its handshake was acknowledged up to it): the messages that
   * waited are numbered after it, in the order they were sent, and kept as unacknowledged; they go
   * with the next {@link #resendUnacked}, once the receiver has taken the handshake's answer.
   *
   * @return how many messages waited
   */
  public synchronized int open() {
    open = true;
    for (Payload payload : waiting) {
      Envelope envelope = Envelope.sequenced(nodeId, ++lastAssigned, payload);
      unacked.put(envelope.seqNum(), envelope);
    }
    int count = waiting.size();
    waiting.clear();
    if (count > 0) {
      LOG.info(
          "stream {}: {} message(s) that waited for the handshake numbered from {}",
          nodeId,
          count,
          lastAssigned - count + 1);
    }
    return count;
  }

  public synchronized boolean isOpen() {
    return open;
  }

  /** Sends again every message the receiver has not acknowledged, in order. */
  public synchronized int resendUnacked() {
    List<Envelope> pending = new ArrayList<>(unacked.values());
    pending.forEach(this::publish);
    if (!pending.isEmpty()) {
      LOG.info(
          "stream {}: resent {} unacknowledged message(s) from seq {}",
          nodeId,
          pending.size(),
          pending.getFirst().seqNum());
    }
    return pending.size();
  }

  /**
   * Called at each acknowledgement tick (a heartbeat): a message already sent before the previous
   * tick and still not acknowledged was probably lost on the way, so everything pending goes again.
   * Messages sent since the previous tick get a whole tick to be acknowledged first.
   */
  public synchronized void resendIfStalled() {
    if (!unacked.isEmpty() && unacked.firstKey() <= assignedAtLastCheck) {
      resendUnacked();
    }
    assignedAtLastCheck = lastAssigned;
  }

  /** The highest sequence number acknowledged by the receiver. */
  public synchronized long acked() {
    return acked;
  }

  public synchronized long lastAssigned() {
    return lastAssigned;
  }

  /** Messages not yet acknowledged, including those waiting for the receiver's handshake. */
  public synchronized int pending() {
    return unacked.size() + waiting.size();
  }

  private void publish(Envelope envelope) {
    try {
      wire.accept(envelope);
    } catch (RuntimeException e) {
      LOG.warn(
          "stream {}: seq {} not sent now ({}); it will be resent",
          nodeId,
          envelope.seqNum(),
          e.getMessage());
    }
  }
}
