package io.bacalhau.plugins.ipfs.cid;

import java.io.ByteArrayOutputStream;

/**
 * The few protobuf wire-format writes dag-pb and UnixFS need: varints and length-delimited fields.
 */
final class Protobuf {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static byte[] varint(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(10);
    writeVarint(out, value);
    return out.toByteArray();
  }

  private static void writeVarint(ByteArrayOutputStream out, long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  Protobuf uint(int field, long value) {
    writeVarint(out, (long) field << 3);
    writeVarint(out, value);
    return this;
  }

  Protobuf bytes(int field, byte[] value) {
    writeVarint(out, ((long) field << 3) | 2);
    writeVarint(out, value.length);
    out.writeBytes(value);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
