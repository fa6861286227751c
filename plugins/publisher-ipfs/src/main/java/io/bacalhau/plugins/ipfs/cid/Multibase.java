package io.bacalhau.plugins.ipfs.cid;

import java.math.BigInteger;

/** The two text encodings IPFS CIDs use: base58btc (CIDv0) and lower-case base32 (CIDv1). */
public final class Multibase {
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

  private Multibase() {}

  public static String base58btc(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    BigInteger n = new BigInteger(1, bytes);
    BigInteger radix = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(radix);
      out.append(BASE58.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1'); // each leading zero byte is a leading '1'
    }
    return out.reverse().toString();
  }

  public static byte[] decodeBase58btc(String text) {
    BigInteger n = BigInteger.ZERO;
    for (char c : text.toCharArray()) {
      int digit = BASE58.indexOf(c);
      if (digit < 0) {
        throw new IllegalArgumentException("'" + c + "' is not a base58btc character");
      }
      n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
    int strip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] out = new byte[zeros + magnitude.length - strip];
    System.arraycopy(magnitude, strip, out, zeros, magnitude.length - strip);
    return out;
  }

  /** RFC 4648 base32, lower case, no padding. */
  public static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  public static byte[] decodeBase32(String text) {
    byte[] out = new byte[text.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int i = 0;
    for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      int v = BASE32.indexOf(c);
      if (v < 0) {
        throw new IllegalArgumentException("'" + c + "' is not a base32 character");
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[i++] = (byte) (buffer >> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }
}
