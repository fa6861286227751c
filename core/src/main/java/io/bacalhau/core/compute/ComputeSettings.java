package io.bacalhau.core.compute;

import io.bacalhau.core.models.GpuInventory;
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
 * @param admission which jobs it bids on ({@code JobAdmissionControl})
 * @param gpus the GPUs found on the machine and what the search said, which it advertises
 */
public record ComputeSettings(
    String nodeId,
    Map<String, String> labels,
    Resources capacity,
    List<String> envAllowList,
    Map<String, String> hostEnv,
    Path executionsDir,
    AdmissionControl admission,
    GpuInventory gpus) {

  public ComputeSettings {
    labels = Map.copyOf(labels);
    envAllowList = List.copyOf(envAllowList);
    hostEnv = Map.copyOf(hostEnv);
    admission = admission == null ? AdmissionControl.DEFAULTS : admission;
    gpus = gpus == null ? GpuInventory.NONE : gpus;
  }

  /** A node that did not look for GPUs. */
  public ComputeSettings(
      String nodeId,
      Map<String, String> labels,
      Resources capacity,
      List<String> envAllowList,
      Map<String, String> hostEnv,
      Path executionsDir,
      AdmissionControl admission) {
    this(
        nodeId,
        labels,
        capacity,
        envAllowList,
        hostEnv,
        executionsDir,
        admission,
        GpuInventory.NONE);
  }

  /** A node that bids on every job it can run. */
  public ComputeSettings(
      String nodeId,
      Map<String, String> labels,
      Resources capacity,
      List<String> envAllowList,
      Map<String, String> hostEnv,
      Path executionsDir) {
    this(nodeId, labels, capacity, envAllowList, hostEnv, executionsDir, AdmissionControl.DEFAULTS);
  }
}
