package io.bacalhau.core.node;

import io.bacalhau.core.compute.AdmissionControl;
import io.bacalhau.core.models.GpuInventory;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.orchestrator.JobDefaults;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a local node needs, read from configuration by the caller.
 *
 * @param capacity what compute may use ({@code Compute.AllocatedCapacity} applied to this machine)
 * @param admission which jobs compute bids on ({@code JobAdmissionControl})
 * @param gpus the GPUs found on this machine and what the search said ({@link GpuDiscovery})
 */
public record NodeOptions(
    Path dataDir,
    Map<String, String> labels,
    Resources capacity,
    List<String> envAllowList,
    Map<String, String> hostEnv,
    JobDefaults jobDefaults,
    SchedulerSettings scheduler,
    AdmissionControl admission,
    GpuInventory gpus) {

  public NodeOptions {
    labels = Map.copyOf(labels);
    envAllowList = List.copyOf(envAllowList);
    hostEnv = Map.copyOf(hostEnv);
    admission = admission == null ? AdmissionControl.DEFAULTS : admission;
    gpus = gpus == null ? GpuInventory.NONE : gpus;
  }

  /** Options of a node that did not look for GPUs. */
  public NodeOptions(
      Path dataDir,
      Map<String, String> labels,
      Resources capacity,
      List<String> envAllowList,
      Map<String, String> hostEnv,
      JobDefaults jobDefaults,
      SchedulerSettings scheduler,
      AdmissionControl admission) {
    this(
        dataDir,
        labels,
        capacity,
        envAllowList,
        hostEnv,
        jobDefaults,
        scheduler,
        admission,
        GpuInventory.NONE);
  }

  /** Options of a node that bids on every job it can run. */
  public NodeOptions(
      Path dataDir,
      Map<String, String> labels,
      Resources capacity,
      List<String> envAllowList,
      Map<String, String> hostEnv,
      JobDefaults jobDefaults,
      SchedulerSettings scheduler) {
    this(
        dataDir,
        labels,
        capacity,
        envAllowList,
        hostEnv,
        jobDefaults,
        scheduler,
        AdmissionControl.DEFAULTS);
  }

  /** The same options with other labels: everything else, GPUs and admission included, is kept. */
  public NodeOptions withLabels(Map<String, String> other) {
    return new NodeOptions(
        dataDir, other, capacity, envAllowList, hostEnv, jobDefaults, scheduler, admission, gpus);
  }

  public NodeOptions withAdmission(AdmissionControl other) {
    return new NodeOptions(
        dataDir, labels, capacity, envAllowList, hostEnv, jobDefaults, scheduler, other, gpus);
  }

  /** Defaults for a data dir: 80% of this machine, Bacalhau's job defaults. */
  public static NodeOptions defaults(Path dataDir, Map<String, String> hostEnv) {
    return new NodeOptions(
        dataDir,
        Map.of(),
        MachineCapacity.allocated(0.8, 0.8, 0.8, 1.0, dataDir),
        List.of(),
        hostEnv,
        JobDefaults.BUILT_IN,
        SchedulerSettings.DEFAULTS);
  }

  public Path storeFile() {
    return dataDir.resolve("orchestrator").resolve("jobs.db");
  }

  public Path executionsDir() {
    return dataDir.resolve("compute").resolve("executions");
  }
}
