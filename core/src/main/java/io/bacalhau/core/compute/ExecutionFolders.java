package io.bacalhau.core.compute;

import java.nio.file.Path;

/**
 * Where an execution keeps its files under {@code <DataDir>/compute/executions/<id>}: {@code
 * results} (stdout, stderr, exitCode and one folder per result path — written there as the task
 * runs, which is also where {@code job logs} reads them), {@code inputs} and {@code work}.
 */
public final class ExecutionFolders {
  private ExecutionFolders() {}

  public static Path results(Path executionsDir, String executionId) {
    return executionsDir.resolve(executionId).resolve("results");
  }
}
