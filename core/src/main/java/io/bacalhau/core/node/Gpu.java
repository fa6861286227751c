package io.bacalhau.core.node;

/**
 * One GPU of this machine, as its vendor's tool reports it.
 *
 * @param index the vendor's index, which Docker's device requests name
 * @param memoryMiB total memory in MiB
 */
public record Gpu(int index, String vendor, String name, long memoryMiB) {}
