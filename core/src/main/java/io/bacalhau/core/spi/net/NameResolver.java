package io.bacalhau.core.spi.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into its addresses. The system one goes through the JVM's DNS cache, which the
 * connection made right after the check uses too; tests give fixed answers instead, so no name they
 * check is ever looked up on the network.
 */
@FunctionalInterface
public interface NameResolver {
  NameResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /** Every address of {@code host} (an IP literal resolves to itself); never empty. */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
