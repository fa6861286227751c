package io.bacalhau.plugins.ipfs;

import java.time.Duration;

/**
 * The real IPFS node tests talk to. CI's {@code .ci/setup.d/40-s3-ipfs.sh} installs and starts one
 * on 127.0.0.1 (js-ipfs from the npm registry) and exports its API address as {@code
 * BACALHAU_IPFS_API}; on a laptop, start one with {@code ipfs-node-setup.sh DIR 0} and export it.
 */
final class IpfsNode {
  static final String ENV = "BACALHAU_IPFS_API";

  private IpfsNode() {}

  static String api() {
    return System.getenv().getOrDefault(ENV, "").strip();
  }

  /** True when the variable is set and the node answers {@code version}. */
  static boolean available() {
    if (api().isEmpty()) {
      return false;
    }
    try {
      return !rpc(Duration.ofSeconds(5)).version().isEmpty();
    } catch (Exception e) {
      return false;
    }
  }

  static IpfsRpc rpc(Duration lookupTimeout) {
    return new IpfsRpc(IpfsEndpoint.parse(api(), ENV), lookupTimeout);
  }
}
