package io.bacalhau.core.spi.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * A CIDR block such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a block of one.
 * IPv4 blocks match only IPv4 addresses: IPv6 forms that carry an IPv4 address are unwrapped by
 * {@link InternalAddresses} before they are matched.
 */
public final class AddressRange {
  private final byte[] network;
  private final int bits;
  private final String text;

  private AddressRange(byte[] network, int bits, String text) {
    this.network = network;
    this.bits = bits;
    this.text = text;
  }

  /** The block written as {@code address[/bits]}, or empty when it is not one. */
  public static Optional<AddressRange> parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    // Only literals: a name here would be looked up, and names are matched as names instead.
    if (!address.matches("[0-9.]+")
        && !(address.contains(":") && address.matches("[0-9a-fA-F:.]+"))) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = InetAddress.ofLiteral(address).getAddress();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int max = bytes.length * 8;
    int bits;
    try {
      bits = slash < 0 ? max : Integer.parseInt(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (bits < 0 || bits > max) {
      return Optional.empty();
    }
    return Optional.of(new AddressRange(mask(bytes, bits), bits, t));
  }

  /** For the built-in tables, whose entries are known to be valid. */
  static AddressRange of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException(text));
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.length && Arrays.equals(mask(bytes, bits), network);
  }

  private static byte[] mask(byte[] bytes, int bits) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.clamp(bits - i * 8L, 0, 8);
      out[i] = (byte) (out[i] & (0xff << (8 - keep)));
    }
    return out;
  }

  @Override
  public String toString() {
    return text;
  }
}
