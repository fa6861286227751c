package io.bacalhau.core.spi.engine;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import java.util.Optional;

/**
 * Runs one execution to its end. A non-zero exit code is a normal result; only a failure of the
 * runner itself (bad image, trap, missing entrypoint) is an error.
 */
public interface Engine extends AutoCloseable {

  /**
   * Checks the engine params before anything runs.
   *
   * @throws io.bacalhau.core.errors.BacalhauException naming the param (ExecutorSpecValidationErr)
   */
  default void validate(SpecConfig engineSpec) {}

  /**
   * Whether this node should refuse to bid on a job of this engine, and why: what only the engine
   * knows (the Docker engine refuses an image of another platform than the node's). Asked when the
   * node bids, after its own checks and before its probes, on a virtual thread: it may take a short
   * look (a daemon or a registry), but should answer within seconds. The reason lands in the job's
   * history as "Bid rejected: ...". An engine with nothing to check bids.
   *
   * @return empty to bid, else the reason read by a person ("this node does not ...")
   */
  default Optional<String> bidRefusal(Job job) {
    return Optional.empty();
  }

  /**
   * Runs the request and blocks until it ends. Must return promptly once the thread is interrupted
   * (job stopped or timed out), after stopping whatever it started.
   *
   * @throws Exception a runner failure; {@link io.bacalhau.core.errors.BacalhauException} carries a
   *     hint and whether a retry could help
   */
  EngineResult run(RunRequest request, ExecutionEvents events) throws Exception;

  /** Releases clients and caches when the node stops. */
  @Override
  default void close() {}
}
