package io.bacalhau.core.spi;

import io.bacalhau.core.models.Gpu;
import io.bacalhau.core.spi.net.AddressPolicy;
import java.nio.file.Path;
import java.util.List;
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
 * @param gpus the node's GPUs, which an engine hands to the tasks that ask for them (the Docker
 *     engine maps AMD and Intel GPUs' device nodes by their PCI address); empty when none were
 *     found or nothing looked
 */
public record ProviderContext(
    Path dataDir,
    String nodeId,
    Map<String, String> hostEnv,
    AddressPolicy addressPolicy,
    List<Gpu> gpus) {
  public ProviderContext {
    hostEnv = Map.copyOf(hostEnv);
    Objects.requireNonNull(addressPolicy, "addressPolicy");
    gpus = gpus == null ? List.of() : List.copyOf(gpus);
  }

  /** A context of a node whose GPUs nobody looked for. */
  public ProviderContext(
      Path dataDir, String nodeId, Map<String, String> hostEnv, AddressPolicy addressPolicy) {
    this(dataDir, nodeId, hostEnv, addressPolicy, List.of());
  }

  /** A context with an embedded node's address policy (loopback allowed, nothing else internal). */
  public ProviderContext(Path dataDir, String nodeId, Map<String, String> hostEnv) {
    this(dataDir, nodeId, hostEnv, AddressPolicy.embedded());
  }
}
