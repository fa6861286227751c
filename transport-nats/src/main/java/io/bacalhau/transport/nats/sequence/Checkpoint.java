package io.bacalhau.transport.nats.sequence;

/**
 * Where a receiver keeps the last sequence number it processed, so that after a reconnect (or a
 * restart, with a durable checkpoint) it neither repeats nor skips a message.
 */
public interface Checkpoint {
  long load();

  void save(long seqNum);

  /** A checkpoint that lives as long as the process; enough to survive broker restarts. */
  static Checkpoint inMemory() {
    return new Checkpoint() {
      private volatile long value;

      @Override
      public long load() {
        return value;
      }

      @Override
      public void save(long seqNum) {
        value = seqNum;
      }
    };
  }
}
