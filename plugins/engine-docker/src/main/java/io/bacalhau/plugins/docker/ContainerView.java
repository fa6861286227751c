package io.bacalhau.plugins.docker;

import java.util.List;
import java.util.Map;

/**
 * A container's configuration as the daemon stored it: what operators see with {@code docker
 * inspect}, and what tests check for network modes that cannot run on every machine.
 *
 * @param ports published ports as {@code 80/tcp->0.0.0.0:8080}
 * @param devices mapped device nodes as {@code /dev/dri/card1:/dev/dri/card1:rwm}
 */
public record ContainerView(
    String id,
    String name,
    String image,
    List<String> env,
    List<String> binds,
    String networkMode,
    boolean networkDisabled,
    List<String> extraHosts,
    List<String> ports,
    long nanoCpus,
    long memoryBytes,
    Map<String, String> labels,
    boolean running,
    List<String> devices) {}
