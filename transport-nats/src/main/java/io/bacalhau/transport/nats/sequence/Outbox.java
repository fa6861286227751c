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
 */
public final class Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final String nodeId;
  private final Consumer<Envelope> wire;
  private final NavigableMap<Long, Envelope> unacked = new TreeMap<>();
  private long lastAssigned;
  private long acked;
  private long assignedAtLastCheck;

  /**
   * @param nodeId the compute node whose stream this is
   * @param wire publishes one envelope; it may throw when the link is down, the message then waits
   *     here for the next resend
   */
  public Outbox(String nodeId, Consumer<Envelope> wire) {
    this.nodeId = nodeId;
    this.wire = wire;
  }

  /** Numbers and sends a message; it stays here until acknowledged. */
  public synchronized Envelope send(Payload payload) {
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

  public synchronized int pending() {
    return unacked.size();
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
