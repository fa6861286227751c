package io.bacalhau.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Optional;

/**
 * Where to listen for an address that clients are told to use, such as {@code
 * Publishers.Types.Local.Address}: that address when it belongs to this machine, else loopback. Our
 * servers listen on 127.0.0.1 unless configured otherwise, and a name that is not this machine's (a
 * NAT's public address, a wildcard) says nothing about which interface to open.
 */
public final class BindAddress {
  public static final String LOOPBACK = "127.0.0.1";

  private BindAddress() {}

  /** The literal address to bind for {@code published}. */
  public static String forPublished(String published) {
    return local(published).map(InetAddress::getHostAddress).orElse(LOOPBACK);
  }

  /** Whether {@code published} is an address of this machine (loopback included). */
  public static boolean isThisMachines(String published) {
    return local(published).isPresent();
  }

  private static Optional<InetAddress> local(String name) {
    try {
      InetAddress address = InetAddress.getByName(name);
      if (address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null) {
        return Optional.of(address);
      }
    } catch (IOException e) {
      // Unknown name: nothing of this machine's to bind.
    }
    return Optional.empty();
  }
}
