package io.bacalhau.core.spi.engine;

/** How a run ended: the exit code, and a runner error message when the runner itself failed. */
public record EngineResult(int exitCode, String errorMessage) {
  public EngineResult {
    errorMessage = errorMessage == null ? "" : errorMessage;
  }

  public static EngineResult exited(int exitCode) {
    return new EngineResult(exitCode, "");
  }
}
