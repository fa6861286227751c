package io.bacalhau.core.compute;

import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.spi.archive.SafePaths;
import java.nio.file.Path;

/**
 * Where an execution keeps its files under {@code <DataDir>/compute/executions/<id>}: {@code
 * results} (stdout, stderr, exitCode and one folder per result path — written there as the task
 * runs, which is also where {@code job logs} reads them), {@code inputs} and {@code work}. Every
 * name that comes from a job is checked to be one plain folder name, so that no spec can make the
 * node create or write files outside the execution's folder.
 */
public final class ExecutionFolders {
  private ExecutionFolders() {}

  public static Path execution(Path executionsDir, String executionId) {
    return SafePaths.child(executionsDir, executionId, "execution ID");
  }

  public static Path results(Path executionsDir, String executionId) {
    return execution(executionsDir, executionId).resolve("results");
  }

  /** The folder a result path is written to, {@code results/<Name>}. */
  public static Path result(Path resultsDir, ResultPath resultPath) {
    return SafePaths.child(resultsDir, resultPath.name(), "result path name");
  }
}
