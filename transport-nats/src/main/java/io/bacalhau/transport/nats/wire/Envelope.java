package io.bacalhau.transport.nats.wire;

import io.bacalhau.transport.nats.wire.messages.Payload;

/**
 * One message as it travels: its type, the compute node it is to or from, and its sequence number
 * on that node's stream (0 for control messages, which are request/reply and not sequenced).
 */
public record Envelope(MessageType type, String nodeId, long seqNum, Payload payload) {

  public Envelope {
    if (type.payloadType() != payload.getClass()) {
      throw new IllegalArgumentException(type + " cannot carry " + payload.getClass());
    }
  }

  public static Envelope control(String nodeId, Payload payload) {
    return new Envelope(MessageType.of(payload), nodeId, 0, payload);
  }

  public static Envelope sequenced(String nodeId, long seqNum, Payload payload) {
    return new Envelope(MessageType.of(payload), nodeId, seqNum, payload);
  }
}
