package io.bacalhau.core.compute;

import io.bacalhau.core.models.Resources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a compute node runs.
 *
 * @param capacity the most it runs at once ({@code Compute.AllocatedCapacity})
 * @param envAllowList patterns of host variables a job may read with {@code env:NAME}
 * @param hostEnv the node process's environment
 * @param executionsDir where each execution gets its folder
 */
public record ComputeSettings(
    String nodeId,
    Map<String, String> labels,
    Resources capacity,
    List<String> envAllowList,
    Map<String, String> hostEnv,
    Path executionsDir) {

  public ComputeSettings {
    labels = Map.copyOf(labels);
    envAllowList = List.copyOf(envAllowList);
    hostEnv = Map.copyOf(hostEnv);
  }
}
