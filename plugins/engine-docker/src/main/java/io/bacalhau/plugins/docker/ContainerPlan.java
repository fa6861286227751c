package io.bacalhau.plugins.docker;

import java.util.List;
import java.util.Map;

/**
 * Everything the engine decided about one container, in our own terms, so that only {@link
 * DockerApi} speaks docker-java and tests can read what was asked for.
 *
 * @param networkMode {@code none}, {@code host}, {@code bridge} or a network name
 * @param nanoCpus CPU limit in billionths of a core; 0 for none
 * @param memoryBytes hard memory limit; 0 for none
 * @param gpus the GPUs' device request and device nodes; {@link GpuDevices#NONE} for none
 */
public record ContainerPlan(
    String name,
    String image,
    List<String> entrypoint,
    List<String> cmd,
    List<String> env,
    String workingDir,
    List<Mount> mounts,
    long nanoCpus,
    long memoryBytes,
    GpuDevices gpus,
    String networkMode,
    List<String> extraHosts,
    List<Port> ports,
    Map<String, String> labels) {

  public ContainerPlan {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    mounts = List.copyOf(mounts);
    extraHosts = List.copyOf(extraHosts);
    ports = List.copyOf(ports);
    labels = Map.copyOf(labels);
  }

  /** A host path bind-mounted into the container. */
  public record Mount(String hostPath, String containerPath, boolean readOnly) {}

  /** A container TCP port published on the host. */
  public record Port(int containerPort, String hostIp, int hostPort) {}
}
