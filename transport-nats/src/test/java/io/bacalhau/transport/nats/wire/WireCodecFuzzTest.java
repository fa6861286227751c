package io.bacalhau.transport.nats.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.transport.nats.testing.Frames;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer target for the NATS wire decoder, which reads whatever a peer (or anyone who can publish
 * on the broker) sends. Each input is decoded as raw wire bytes and, so that the fuzzer gets past
 * the checksum, as the JSON body of a well-framed envelope. The decoder must never throw: a
 * rejection carries its reason, and a message it accepts must survive being sent on unchanged.
 */
class WireCodecFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyBytesDecodeToAMessageOrAReasonNeverAnException(byte[] input) {
    check(WireCodec.decode(input));
    check(WireCodec.decode(Frames.frame(new String(input, StandardCharsets.UTF_8))));
  }

  private static void check(Decoded decoded) {
    switch (decoded) {
      case Decoded.Rejected r -> assertFalse(r.reason().isBlank(), "a rejection without a reason");
      case Decoded.Message m -> {
        Envelope sent = m.envelope();
        Envelope again =
            assertInstanceOf(
                    Decoded.Message.class,
                    WireCodec.decode(WireCodec.encode(sent)),
                    () -> "accepted but not re-sendable: " + sent)
                .envelope();
        assertEquals(sent.type(), again.type());
        assertEquals(sent.nodeId(), again.nodeId());
        assertEquals(sent.seqNum(), again.seqNum());
        assertEquals(json(sent), json(again));
      }
    }
  }

  private static String json(Envelope e) {
    try {
      return Codecs.json().writeValueAsString(e.payload());
    } catch (JsonProcessingException x) {
      throw new AssertionError(x);
    }
  }
}
