package io.bacalhau.transport.nats.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.transport.nats.wire.messages.Payload;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Bytes on the wire, in the shape of Bacalhau's envelope: one version byte, the CRC32 of what
 * follows, then JSON {@code {"Metadata": {...}, "Payload": {...}}} whose metadata names the type
 * ({@code Bacalhau-Type}), the payload encoding, the node and the sequence number. Decoding never
 * throws: anything that is not a whole, known, well-formed message comes back with the reason.
 */
public final class WireCodec {
  public static final byte VERSION = 1;
  static final String TYPE = "Bacalhau-Type";
  static final String ENCODING = "Bacalhau-PayloadEncoding";
  static final String NODE = "Bacalhau-NodeID";
  static final String SEQ = "Bacalhau-SeqNum";
  private static final int HEADER = 1 + Integer.BYTES;
  private static final ObjectMapper JSON = Codecs.json();

  private WireCodec() {}

  public static byte[] encode(Envelope envelope) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode meta = root.putObject("Metadata");
    meta.put(TYPE, envelope.type().wireName());
    meta.put(ENCODING, "json");
    meta.put(NODE, envelope.nodeId());
    meta.put(SEQ, Long.toString(envelope.seqNum()));
    root.set("Payload", JSON.valueToTree(envelope.payload()));
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + envelope.type(), e);
    }
    CRC32 crc = new CRC32();
    crc.update(body);
    return ByteBuffer.allocate(HEADER + body.length)
        .put(VERSION)
        .putInt((int) crc.getValue())
        .put(body)
        .array();
  }

  public static Decoded decode(byte[] data) {
    if (data == null || data.length <= HEADER) {
      return rejected("truncated: " + (data == null ? 0 : data.length) + " bytes, no envelope");
    }
    if (data[0] != VERSION) {
      return rejected(
          "unsupported envelope version " + data[0] + " (this node reads " + VERSION + ")");
    }
    ByteBuffer buffer = ByteBuffer.wrap(data);
    buffer.get();
    int expected = buffer.getInt();
    CRC32 crc = new CRC32();
    crc.update(data, HEADER, data.length - HEADER);
    if ((int) crc.getValue() != expected) {
      return rejected("CRC mismatch: the message is truncated or corrupted");
    }
    JsonNode root;
    try {
      root = JSON.readTree(data, HEADER, data.length - HEADER);
    } catch (java.io.IOException e) {
      return rejected("malformed JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.path("Metadata").isObject() || !root.path("Payload").isObject()) {
      return rejected("no Metadata and Payload objects");
    }
    JsonNode meta = root.get("Metadata");
    String typeName = meta.path(TYPE).asText("");
    Optional<MessageType> type = MessageType.byWireName(typeName);
    if (type.isEmpty()) {
      return rejected("unknown message type '" + typeName + "'");
    }
    if (!"json".equals(meta.path(ENCODING).asText("json"))) {
      return rejected(typeName + ": unsupported payload encoding " + meta.path(ENCODING).asText());
    }
    long seq;
    try {
      seq = Long.parseLong(meta.path(SEQ).asText("0"));
    } catch (NumberFormatException e) {
      return rejected(typeName + ": sequence number is not a number: " + meta.path(SEQ).asText());
    }
    if (seq < 0) {
      return rejected(typeName + ": negative sequence number " + seq);
    }
    Payload payload;
    try {
      payload = JSON.treeToValue(root.get("Payload"), type.get().payloadType());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return rejected(typeName + ": payload does not parse: " + firstLine(e.getMessage()));
    }
    String problem = PayloadCheck.problem(payload);
    if (problem != null) {
      return rejected(typeName + ": " + problem);
    }
    return new Decoded.Message(new Envelope(type.get(), meta.path(NODE).asText(""), seq, payload));
  }

  private static Decoded rejected(String reason) {
    return new Decoded.Rejected(reason);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
