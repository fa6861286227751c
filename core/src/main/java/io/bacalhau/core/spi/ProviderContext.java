package io.bacalhau.core.spi;

import io.bacalhau.core.spi.net.AddressPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a provider may know of the node that hosts it.
 *
 * @param dataDir the node's data dir; providers keep their own files under {@code
 *     dataDir/<kind>/<type>}
 * @param nodeId the node's ID, for labels and keys
 * @param hostEnv the environment of the node process (for credentials such as AWS_* or DOCKER_HOST)
 * @param addressPolicy which hosts URLs and endpoints taken from a job may reach; every provider
 *     that connects somewhere a spec names checks it first
 */
public record ProviderContext(
    Path dataDir, String nodeId, Map<String, String> hostEnv, AddressPolicy addressPolicy) {
  public ProviderContext {
    hostEnv = Map.copyOf(hostEnv);
    Objects.requireNonNull(addressPolicy, "addressPolicy");
  }

  /** A context with an embedded node's address policy (loopback allowed, nothing else internal). */
  public ProviderContext(Path dataDir, String nodeId, Map<String, String> hostEnv) {
    this(dataDir, nodeId, hostEnv, AddressPolicy.embedded());
  }
}
