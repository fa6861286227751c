package io.bacalhau.cli.job;

import io.bacalhau.core.models.Execution;

/**
 * The exit code column of {@code job describe} and {@code job executions}: a job stays Completed
 * when its task exits non-zero (as in Bacalhau), so the code is what tells a failed run apart.
 */
final class TaskExitCode {
  private TaskExitCode() {}

  /** The task's exit code, or blank while the execution has not reported one. */
  static String of(Execution e) {
    return e.runOutput() == null ? "" : String.valueOf(e.runOutput().exitCode());
  }
}
