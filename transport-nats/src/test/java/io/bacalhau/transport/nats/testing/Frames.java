package io.bacalhau.transport.nats.testing;

import io.bacalhau.transport.nats.wire.WireCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Hand-made wire bytes for the tests of bad input. */
public final class Frames {
  private Frames() {}

  /** A well-framed envelope (right version, right checksum) around any text. */
  public static byte[] frame(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(body);
    return ByteBuffer.allocate(5 + body.length)
        .put(WireCodec.VERSION)
        .putInt((int) crc.getValue())
        .put(body)
        .array();
  }
}
