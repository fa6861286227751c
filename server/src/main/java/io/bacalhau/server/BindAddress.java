package io.bacalhau.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;

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
    try {
      InetAddress address = InetAddress.getByName(published);
      if (address.isLoopbackAddress() || NetworkInterface.getByInetAddress(address) != null) {
        return address.getHostAddress();
      }
    } catch (IOException e) {
      // Unknown name: nothing of this machine's to bind.
    }
    return LOOPBACK;
  }
}
