package io.bacalhau.plugins.ipfs.cid;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A content identifier: version 0 ({@code Qm...}, dag-pb, base58btc) or 1 (base32 {@code b...}),
 * over a sha2-256 multihash.
 */
public record Cid(int version, long codec, byte[] multihash) {
  public static final long DAG_PB = 0x70;
  public static final long RAW = 0x55;
  private static final int SHA2_256 = 0x12;

  public Cid {
    multihash = multihash.clone();
    if (version == 0 && codec != DAG_PB) {
      throw new IllegalArgumentException("CIDv0 is always dag-pb");
    }
  }

  @Override
  public byte[] multihash() {
    return multihash.clone();
  }

  /** The CID of a block's bytes. */
  public static Cid of(int version, long codec, byte[] block) {
    return new Cid(version, codec, sha256Multihash(block));
  }

  static byte[] sha256Multihash(byte[] data) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
      byte[] mh = new byte[2 + digest.length];
      mh[0] = SHA2_256;
      mh[1] = (byte) digest.length;
      System.arraycopy(digest, 0, mh, 2, digest.length);
      return mh;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The binary form links carry: the bare multihash for v0, version+codec+multihash for v1. */
  public byte[] bytes() {
    if (version == 0) {
      return multihash.clone();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Protobuf.varint(1));
    out.writeBytes(Protobuf.varint(codec));
    out.writeBytes(multihash);
    return out.toByteArray();
  }

  /** Parses a CIDv0 ({@code Qm...}) or a base32 CIDv1 ({@code b...}). */
  public static Cid parse(String text) {
    String s = text.strip();
    try {
      if (s.length() == 46 && s.startsWith("Qm")) {
        byte[] mh = Multibase.decodeBase58btc(s);
        checkMultihash(mh, text);
        return new Cid(0, DAG_PB, mh);
      }
      if (s.startsWith("b") && s.length() > 8) {
        byte[] raw = Multibase.decodeBase32(s.substring(1));
        if (raw.length < 4 || raw[0] != 1) {
          throw new IllegalArgumentException("not a CIDv1");
        }
        long codec = raw[1] & 0x7f; // dag-pb and raw fit in one varint byte
        if ((raw[1] & 0x80) != 0 || (codec != DAG_PB && codec != RAW)) {
          throw new IllegalArgumentException("codec is neither dag-pb nor raw");
        }
        byte[] mh = Arrays.copyOfRange(raw, 2, raw.length);
        checkMultihash(mh, text);
        return new Cid(1, codec, mh);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a valid CID: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a CID: expected Qm... (v0) or base32 b... (v1)");
  }

  private static void checkMultihash(byte[] mh, String text) {
    if (mh.length != 34 || mh[0] != SHA2_256 || mh[1] != 32) {
      throw new IllegalArgumentException("multihash is not sha2-256");
    }
  }

  @Override
  public String toString() {
    return version == 0 ? Multibase.base58btc(multihash) : "b" + Multibase.base32(bytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cid c
        && c.version == version
        && c.codec == codec
        && Arrays.equals(c.multihash, multihash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(multihash) * 31 + version;
  }
}
