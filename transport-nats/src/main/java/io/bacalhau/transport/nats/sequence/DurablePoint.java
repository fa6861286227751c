package io.bacalhau.transport.nats.sequence;

/**
 * How far a receiver's handling of one stream is durable: the highest sequence number whose effect
 * (and that of every message before it) is committed. This, not what the {@link SequenceGate} let
 * through, is what the receiver acknowledges, so the sender keeps a message until a crash of the
 * receiver can no longer lose it.
 */
public final class DurablePoint {
  private long value;

  public DurablePoint(long start) {
    this.value = start;
  }

  /** Everything up to {@code seqNum} is durable; never goes back. */
  public synchronized void advanceTo(long seqNum) {
    value = Math.max(value, seqNum);
  }

  public synchronized long value() {
    return value;
  }
}
