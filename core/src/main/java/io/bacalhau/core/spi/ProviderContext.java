package io.bacalhau.core.spi;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a provider may know of the node that hosts it.
 *
 * @param dataDir the node's data dir; providers keep their own files under {@code
 *     dataDir/<kind>/<type>}
 * @param nodeId the node's ID, for labels and keys
 * @param hostEnv the environment of the node process (for credentials such as AWS_* or DOCKER_HOST)
 */
public record ProviderContext(Path dataDir, String nodeId, Map<String, String> hostEnv) {
  public ProviderContext {
    hostEnv = Map.copyOf(hostEnv);
  }
}
