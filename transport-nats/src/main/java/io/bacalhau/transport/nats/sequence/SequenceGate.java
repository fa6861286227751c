package io.bacalhau.transport.nats.sequence;

/**
 * The receiving end of one ordered stream: lets through only the next sequence number, so a
 * replayed or resent message (at or below the checkpoint) has no second effect and a message that
 * arrives after a lost one waits for the sender to resend the gap, keeping the order.
 */
public final class SequenceGate {

  /** What to do with an arriving sequence number. */
  public enum Verdict {
    NEXT,
    DUPLICATE,
    GAP
  }

  private final Checkpoint checkpoint;
  private long last;
  private boolean anchored;

  /**
   * @param anchored false when this side knows nothing of the stream yet (the sender may be in the
   *     middle of it): the first message then sets the starting point
   */
  public SequenceGate(Checkpoint checkpoint, boolean anchored) {
    this.checkpoint = checkpoint;
    this.last = checkpoint.load();
    this.anchored = anchored || last > 0;
  }

  public synchronized Verdict check(long seqNum) {
    if (!anchored) {
      return seqNum > last ? Verdict.NEXT : Verdict.DUPLICATE;
    }
    if (seqNum <= last) {
      return Verdict.DUPLICATE;
    }
    return seqNum == last + 1 ? Verdict.NEXT : Verdict.GAP;
  }

  /** Records that the message was handled (whatever its handler made of it). */
  public synchronized void processed(long seqNum) {
    last = seqNum;
    anchored = true;
    checkpoint.save(seqNum);
  }

  /** Restarts the stream after {@code seqNum}, as agreed in a handshake. */
  public synchronized void resetTo(long seqNum) {
    last = seqNum;
    anchored = true;
    checkpoint.save(seqNum);
  }

  public synchronized long lastProcessed() {
    return last;
  }
}
