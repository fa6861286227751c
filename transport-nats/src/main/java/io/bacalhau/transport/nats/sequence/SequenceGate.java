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

  public SequenceGate(Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
    this.last = checkpoint.load();
  }

  public synchronized Verdict check(long seqNum) {
    if (seqNum <= last) {
      return Verdict.DUPLICATE;
    }
    return seqNum == last + 1 ? Verdict.NEXT : Verdict.GAP;
  }

  /** Records that the message was handled (whatever its handler made of it). */
  public synchronized void processed(long seqNum) {
    last = seqNum;
    checkpoint.save(seqNum);
  }

  /**
   * Skips ahead to {@code seqNum} when a handshake says the stream resumes there (this side forgot
   * what it processed). Never back: messages may have been processed while the handshake was on its
   * way, and going back would let their resent copies through a second time.
   */
  public synchronized void advanceTo(long seqNum) {
    if (seqNum > last) {
      last = seqNum;
      checkpoint.save(seqNum);
    }
  }

  public synchronized long lastProcessed() {
    return last;
  }
}
