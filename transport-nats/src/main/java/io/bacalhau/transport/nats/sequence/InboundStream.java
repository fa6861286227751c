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
        LOG.info(
            "{}: dropped replayed {} seq {} (already processed up to {})",
            name,
            envelope.type().wireName(),
            seq,
            gate.lastProcessed());
        return false;
      }
      case GAP -> {
        LOG.info(
            "{}: dropped {} seq {}: expected {}; the sender resends the gap",
            name,
            envelope.type().wireName(),
            seq,
            gate.lastProcessed() + 1);
        return false;
      }
      case NEXT -> {}
    }
    try {
      handler.accept(envelope);
    } catch (RuntimeException e) {
      LOG.error("{}: handling {} seq {} failed", name, envelope.type().wireName(), seq, e);
    } finally {
      gate.processed(seq);
    }
    return true;
  }

  public SequenceGate gate() {
    return gate;
  }
}
