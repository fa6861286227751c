package io.bacalhau.core.spi.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are internal: those a job could use to reach the node itself, its network or its
 * cloud's metadata service rather than the internet. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by the IPv4 address they carry, since that
 * is where the packets end up.
 */
public final class InternalAddresses {
  /** The loopback blocks, which an embedded node's jobs may reach. */
  static final List<AddressRange> LOOPBACK =
      List.of(AddressRange.of("127.0.0.0/8"), AddressRange.of("::1/128"));

  private record Kind(AddressRange range, String name) {}

  private static final List<Kind> KINDS =
      List.of(
          kind("127.0.0.0/8", "loopback"),
          kind("::1/128", "loopback"),
          kind("0.0.0.0/8", "unspecified (this host)"),
          kind("::/128", "unspecified (this host)"),
          kind("169.254.0.0/16", "link-local (cloud metadata services live here)"),
          kind("fe80::/10", "link-local"),
          kind("10.0.0.0/8", "private"),
          kind("172.16.0.0/12", "private"),
          kind("192.168.0.0/16", "private"),
          kind("fc00::/7", "private (unique local; cloud metadata services live here)"),
          kind("fec0::/10", "private (site-local)"),
          kind("100.64.0.0/10", "shared (carrier-grade NAT; cloud metadata services live here)"),
          kind("192.0.0.0/24", "reserved for protocol assignments"),
          kind("198.18.0.0/15", "reserved for benchmarking"),
          kind("64:ff9b:1::/48", "private (local-use NAT64)"),
          kind("224.0.0.0/4", "multicast"),
          kind("ff00::/8", "multicast"),
          kind("240.0.0.0/4", "reserved (incl. broadcast)"));

  private static final AddressRange COMPATIBLE = AddressRange.of("::/96");
  private static final AddressRange NAT64 = AddressRange.of("64:ff9b::/96");
  private static final AddressRange SIX_TO_FOUR = AddressRange.of("2002::/16");

  private InternalAddresses() {}

  private static Kind kind(String range, String name) {
    return new Kind(AddressRange.of(range), name);
  }

  /** What kind of internal address this is ("loopback", "private", ...), or empty if public. */
  public static Optional<String> kindOf(InetAddress address) {
    InetAddress judged = carriedIpv4(address).orElse(address);
    for (Kind k : KINDS) {
      if (k.range().contains(judged)) {
        return Optional.of(k.name());
      }
    }
    return Optional.empty();
  }

  /** The address packets really go to: the IPv4 address inside an IPv6 form that carries one. */
  static InetAddress effective(InetAddress address) {
    return carriedIpv4(address).orElse(address);
  }

  /** {@code ::ffff:a.b.c.d}; written out because the JDK parses that literal as IPv4. */
  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  private static Optional<InetAddress> carriedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] b = address.getAddress();
    byte[] v4;
    if (isMapped(b) || NAT64.contains(address)) {
      v4 = Arrays.copyOfRange(b, 12, 16);
    } else if (COMPATIBLE.contains(address)) {
      v4 = Arrays.copyOfRange(b, 12, 16);
      if (v4[0] == 0 && v4[1] == 0 && v4[2] == 0 && (v4[3] == 0 || v4[3] == 1)) {
        return Optional.empty(); // :: and ::1 are IPv6's own
      }
    } else if (SIX_TO_FOUR.contains(address)) {
      v4 = Arrays.copyOfRange(b, 2, 6);
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of((Inet4Address) InetAddress.getByAddress(v4));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an IPv4 address
    }
  }
}
