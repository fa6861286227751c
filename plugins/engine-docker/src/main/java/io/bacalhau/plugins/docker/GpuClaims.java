package io.bacalhau.plugins.docker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Gpu;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the node's GPUs each running container holds, so that two jobs asking for one GPU each
 * get different ones. The node's capacity already keeps the number of GPUs in use within what it
 * has; this picks which.
 */
final class GpuClaims {
  private final List<Gpu> node;
  private final Set<Gpu> taken = new HashSet<>();

  GpuClaims(List<Gpu> node) {
    this.node = List.copyOf(node);
  }

  /** Whether the node knows its GPUs one by one (else a request can only name a count). */
  boolean knowsGpus() {
    return !node.isEmpty();
  }

  /**
   * Takes {@code count} free GPUs, in the node's order.
   *
   * @throws BacalhauException when fewer are free (the configured GPU capacity exceeds the GPUs
   *     found)
   */
  synchronized List<Gpu> claim(long count) {
    List<Gpu> free = node.stream().filter(g -> !taken.contains(g)).limit(count).toList();
    if (free.size() < count) {
      throw BacalhauException.builder(
              ErrorCode.RESOURCE_EXHAUSTED,
              "job needs "
                  + count
                  + " GPUs but "
                  + free.size()
                  + " of this node's "
                  + node.size()
                  + " are free")
          .component("DockerExecutor")
          .hint(
              "Compute.AllocatedCapacity.GPU offers more GPUs than the node found; lower it to"
                  + " the number of GPUs the node has.")
          .retryable(true)
          .build();
    }
    taken.addAll(free);
    return new ArrayList<>(free);
  }

  synchronized void release(List<Gpu> gpus) {
    gpus.forEach(taken::remove);
  }
}
