package io.bacalhau.plugins.docker;

import java.util.List;
import java.util.Map;

/**
 * A container's configuration as the daemon stored it: what operators see with {@code docker
 * inspect}, and what tests check for network modes that cannot run on every machine.
 *
 * @param ports published ports as {@code 80/tcp->0.0.0.0:8080}
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
    boolean running) {}
