package io.bacalhau.transport.nats.sequence;

import io.bacalhau.transport.nats.wire.Envelope;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiving side of one ordered stream: a message gets through its {@link SequenceGate} once,
 * in order, and is then handled. A handler that fails is logged and the message still counts as
 * processed: a message that always fails must not block the stream behind it, nor escape into the
 * broker client's dispatcher.
 */
public final class InboundStream {
  private static final Logger LOG = LoggerFactory.getLogger(InboundStream.class);

  private final String name;
  private final SequenceGate gate;
  private final Consumer<Envelope> handler;
  // After a reconnect a whole run of messages is dropped at once; one line per run is enough.
  private long droppedRunAt = -1;

  public InboundStream(String name, SequenceGate gate, Consumer<Envelope> handler) {
    this.name = name;
    this.gate = gate;
    this.handler = handler;
  }

  /** Handles the message if it is the next one; true when it was. */
  public synchronized boolean accept(Envelope envelope) {
    long seq = envelope.seqNum();
    switch (gate.check(seq)) {
      case DUPLICATE -> {
        log(
            "{}: dropped replayed {} seq {} (already processed up to {})",
            name,
            envelope.type().wireName(),
            seq,
            gate.lastProcessed());
        return false;
      }
      case GAP -> {
        log(
            "{}: dropped {} seq {}: expected {}; the sender resends the gap",
            name,
            envelope.type().wireName(),
            seq,
            gate.lastProcessed() + 1);
        return false;
      }
      case NEXT -> {}
    }
    droppedRunAt = -1;
    try {
      handler.accept(envelope);
    } catch (RuntimeException e) {
      LOG.error("{}: handling {} seq {} failed", name, envelope.type().wireName(), seq, e);
    } finally {
      gate.processed(seq);
    }
    return true;
  }

  private void log(String format, Object... args) {
    if (droppedRunAt == gate.lastProcessed()) {
      LOG.debug(format, args);
    } else {
      droppedRunAt = gate.lastProcessed();
      LOG.info(format + " (further drops before the next message are logged at debug)", args);
    }
  }

  public SequenceGate gate() {
    return gate;
  }
}
