package io.bacalhau.core.spi.engine;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;

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
