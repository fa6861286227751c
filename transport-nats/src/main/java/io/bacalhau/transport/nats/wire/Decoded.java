package io.bacalhau.transport.nats.wire;

/** What the codec made of some bytes: a message, or the reason they were not one. */
public sealed interface Decoded {

  record Message(Envelope envelope) implements Decoded {}

  record Rejected(String reason) implements Decoded {}
}
