package io.bacalhau.transport.nats.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.codec.Codecs;
import io.bacalhau.transport.nats.testing.Frames;
import io.bacalhau.transport.nats.testing.Samples;
import io.bacalhau.transport.nats.wire.messages.Payload;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every message survives the wire; anything that is not a whole, known message is refused. */
class WireCodecTest {

  @Test
  void everyMessageTypeRoundTrips() throws Exception {
    Set<MessageType> covered =
        Samples.all().stream()
            .map(MessageType::of)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(MessageType.class)));
    assertEquals(EnumSet.allOf(MessageType.class), covered, "a message type has no sample");
    long seq = 1;
    for (Payload payload : Samples.all()) {
      Envelope sent = Envelope.sequenced("n-1", seq++, payload);
      Decoded decoded = WireCodec.decode(WireCodec.encode(sent));
      Envelope got =
          assertInstanceOf(Decoded.Message.class, decoded, decoded.toString()).envelope();
      assertEquals(sent.type(), got.type());
      assertEquals(sent.seqNum(), got.seqNum());
      assertEquals(sent.nodeId(), got.nodeId());
      assertEquals(
          Codecs.json().writeValueAsString(payload),
          Codecs.json().writeValueAsString(got.payload()),
          payload.getClass().getSimpleName());
    }
  }

  @Test
  void theEnvelopeCarriesBacalhausTypeNamesInItsMetadata() {
    byte[] bytes = WireCodec.encode(Envelope.sequenced("n-1", 4, Samples.all().get(2)));
    String json = new String(bytes, 5, bytes.length - 5, StandardCharsets.UTF_8);
    assertTrue(json.contains("\"Bacalhau-Type\":\"transport.HeartbeatRequest\""), json);
    assertTrue(json.contains("\"Bacalhau-SeqNum\":\"4\""), json);
    assertEquals(WireCodec.VERSION, bytes[0]);
  }

  @Test
  void truncatedMessagesAreRejected() {
    byte[] whole = WireCodec.encode(Envelope.sequenced("n-1", 1, Samples.all().get(12)));
    assertRejected(new byte[0], "truncated");
    assertRejected(Arrays.copyOf(whole, 4), "truncated");
    assertRejected(Arrays.copyOf(whole, whole.length - 3), "CRC mismatch");
  }

  @Test
  void aCorruptedByteIsCaughtByTheChecksum() {
    byte[] bytes = WireCodec.encode(Envelope.sequenced("n-1", 1, Samples.all().get(12)));
    bytes[bytes.length / 2] ^= 0x20;
    assertRejected(bytes, "CRC mismatch");
  }

  @Test
  void anotherEnvelopeVersionIsRejected() {
    byte[] bytes = WireCodec.encode(Envelope.sequenced("n-1", 1, Samples.all().get(12)));
    bytes[0] = 2;
    assertRejected(bytes, "unsupported envelope version 2");
  }

  @Test
  void malformedJsonIsRejected() {
    assertRejected(
        Frames.frame("{\"Metadata\": {\"Bacalhau-Type\": \"BidResult\""), "malformed JSON");
    assertRejected(Frames.frame("[1, 2]"), "no Metadata and Payload objects");
  }

  @Test
  void anUnknownTypeIsRejectedByName() {
    assertRejected(
        Frames.frame("{\"Metadata\":{\"Bacalhau-Type\":\"LaunchMissiles\"},\"Payload\":{}}"),
        "unknown message type 'LaunchMissiles'");
  }

  @Test
  void aMessageWithoutTheFieldsItNeedsIsRejected() {
    assertRejected(
        Frames.frame(
            "{\"Metadata\":{\"Bacalhau-Type\":\"AskForBid\",\"Bacalhau-SeqNum\":\"1\"},\"Payload\":{\"Job\":{}}}"),
        "AskForBid: Execution.ID is missing");
    assertRejected(
        Frames.frame(
            "{\"Metadata\":{\"Bacalhau-Type\":\"BidResult\",\"Bacalhau-SeqNum\":\"x\"},\"Payload\":{\"ExecutionID\":\"e\"}}"),
        "sequence number is not a number");
    assertRejected(
        Frames.frame(
            "{\"Metadata\":{\"Bacalhau-Type\":\"BidResult\"},\"Payload\":{\"Accepted\":\"maybe\"}}"),
        "BidResult: payload does not parse");
  }

  private static void assertRejected(byte[] bytes, String reason) {
    Decoded decoded = WireCodec.decode(bytes);
    Decoded.Rejected rejected =
        assertInstanceOf(Decoded.Rejected.class, decoded, decoded.toString());
    assertTrue(rejected.reason().contains(reason), rejected.reason());
  }
}
