package io.bacalhau.transport.nats.link;

/** Receives the raw bytes of one message; {@code replyTo} is set for requests. */
@FunctionalInterface
public interface InboundHandler {
  void onMessage(String subject, byte[] data, String replyTo);
}
