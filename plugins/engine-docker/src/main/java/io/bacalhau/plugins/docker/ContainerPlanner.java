package io.bacalhau.plugins.docker;

import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.spi.archive.SafePaths;
import io.bacalhau.core.spi.engine.RunRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a run request and its docker params into the container to create. */
final class ContainerPlanner {
  private ContainerPlanner() {}

  static ContainerPlan plan(
      RunRequest request,
      DockerParams params,
      NetworkSetup network,
      Map<String, String> labels,
      boolean allowReadWriteInputs,
      GpuDevices gpus)
      throws IOException {
    // Task env and BACALHAU_* first; the engine's own variables win on a clash, then the proxy's.
    Map<String, String> env = new LinkedHashMap<>(new java.util.TreeMap<>(request.env()));
    env.putAll(params.environment());
    env.putAll(network.env);
    List<ContainerPlan.Mount> mounts = new ArrayList<>();
    for (PreparedInput input : request.inputs()) {
      mounts.add(
          new ContainerPlan.Mount(
              input.hostPath().toAbsolutePath().toString(),
              input.target(),
              !(input.readWrite() && allowReadWriteInputs)));
    }
    for (ResultPath rp : request.resultPaths()) {
      // Checked again here: an engine must not trust that every spec it runs was validated.
      Path dir =
          Files.createDirectories(
              SafePaths.child(request.resultsDir(), rp.name(), "result path name"));
      mounts.add(new ContainerPlan.Mount(dir.toAbsolutePath().toString(), rp.path(), false));
    }
    return new ContainerPlan(
        containerName(request),
        ImageResolver.withDefaultTag(params.image()),
        params.entrypoint(),
        params.parameters(),
        env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(),
        params.workingDirectory(),
        mounts,
        Math.round(request.resources().cpu() * 1e9),
        request.resources().memory(),
        gpus,
        network.mode,
        network.extraHosts,
        network.ports,
        labels);
  }

  static String containerName(RunRequest request) {
    return "bacalhau-" + safe(request.jobId()) + "-" + safe(request.executionId()) + "-executor";
  }

  /** Docker names allow [a-zA-Z0-9_.-]. */
  private static String safe(String id) {
    return id.replaceAll("[^a-zA-Z0-9_.-]", "_");
  }
}
