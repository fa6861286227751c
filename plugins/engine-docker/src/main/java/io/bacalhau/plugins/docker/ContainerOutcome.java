package io.bacalhau.plugins.docker;

/**
 * How a container ended, as the daemon reports it.
 *
 * @param error the daemon's own error for the container (e.g. a failed exec), blank if none
 */
public record ContainerOutcome(int exitCode, boolean oomKilled, String error) {}
