package io.bacalhau.plugins.docker;

import java.util.List;
import java.util.Map;

/**
 * A container's configuration as the daemon stored it: what operators see with {@code docker
 * inspect}, and what tests check for network modes that cannot run on every machine.
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
    long nanoCpus,
    long memoryBytes,
    Map<String, String> labels,
    boolean running) {}
