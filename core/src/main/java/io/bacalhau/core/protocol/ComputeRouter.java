package io.bacalhau.core.protocol;

import java.util.Optional;

/**
 * Finds the compute node an execution is placed on. The orchestrator sends every message through
 * it, so a cluster of nodes and the one node of a local process are the same to the scheduler.
 */
@FunctionalInterface
public interface ComputeRouter {

  /**
   * The channel to {@code nodeId}, or empty when that node cannot be reached now: the message is
   * then dropped, and the scheduler treats the node as gone once it leaves the candidates.
   */
  Optional<ComputeChannel> channel(String nodeId);

  /** Only {@code nodeId}, through {@code channel}: the one compute node of a local process. */
  static ComputeRouter only(String nodeId, ComputeChannel channel) {
    Optional<ComputeChannel> found = Optional.of(channel);
    return id -> nodeId.equals(id) ? found : Optional.empty();
  }

  /** Every node id to the same channel: a test that plays every compute node itself. */
  static ComputeRouter everyNode(ComputeChannel channel) {
    Optional<ComputeChannel> found = Optional.of(channel);
    return id -> found;
  }

  /** This router's nodes, and {@code other}'s for the node ids this one does not know. */
  default ComputeRouter orElse(ComputeRouter other) {
    return id -> {
      Optional<ComputeChannel> mine = channel(id);
      return mine.isPresent() ? mine : other.channel(id);
    };
  }
}
