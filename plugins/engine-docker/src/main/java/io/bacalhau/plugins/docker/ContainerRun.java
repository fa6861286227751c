package io.bacalhau.plugins.docker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.engine.EngineResult;
import java.io.OutputStream;

/** Starts a created container, streams its output, and waits for its end (or kills it). */
final class ContainerRun {
  private final DockerApi api;
  private final String id;

  ContainerRun(DockerApi api, String id) {
    this.api = api;
    this.id = id;
  }

  EngineResult run(OutputStream stdout, OutputStream stderr) throws InterruptedException {
    try (DockerApi.Stream logs = api.attach(id, stdout, stderr)) {
      try {
        api.start(id);
      } catch (RuntimeException e) {
        throw startFailed(e);
      }
      int exitCode = api.waitFor(id);
      logs.await(); // the stream ends with the container; wait so no output is lost
      ContainerOutcome outcome = api.inspectOutcome(id);
      if (outcome.oomKilled()) {
        throw DockerEngine.memoryExceeded(api.inspect(id).memoryBytes());
      }
      if (!outcome.error().isBlank()) {
        return new EngineResult(exitCode, outcome.error());
      }
      return EngineResult.exited(exitCode);
    } catch (InterruptedException e) {
      kill();
      throw e;
    }
  }

  /** Stop or timeout: kill at once; clear the flag meanwhile so the daemon call goes through. */
  private void kill() {
    Thread.interrupted();
    try {
      api.kill(id);
    } finally {
      Thread.currentThread().interrupt();
    }
  }

  private static BacalhauException startFailed(RuntimeException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage().strip();
    boolean missing =
        message.contains("executable file not found") || message.contains("no such file");
    return BacalhauException.builder(
            ErrorCode.INTERNAL_ERROR, "failed to start container: " + message)
        .component("DockerExecutor")
        .hint(
            missing
                ? "The entrypoint or command is not in the image; check Entrypoint and Parameters"
                    + " (and the image's PATH)."
                : "Check the container settings and the Docker daemon's log.")
        .failsExecution(true)
        .cause(e)
        .build();
  }
}
