package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a run produced: the first 2 KB of each stream, whether they were cut, the exit code, and the
 * runner's error (which alone fails an execution). The lower-case {@code stderr} key is Bacalhau's.
 */
public record RunCommandResult(
    @JsonProperty("Stdout") String stdout,
    @JsonProperty("StdoutTruncated") boolean stdoutTruncated,
    @JsonProperty("stderr") String stderr,
    @JsonProperty("StderrTruncated") boolean stderrTruncated,
    @JsonProperty("ExitCode") int exitCode,
    @JsonProperty("ErrorMsg") String errorMsg) {

  public RunCommandResult {
    stdout = Immutables.string(stdout);
    stderr = Immutables.string(stderr);
    errorMsg = Immutables.string(errorMsg);
  }

  public static RunCommandResult success(String stdout, String stderr, int exitCode) {
    return new RunCommandResult(stdout, false, stderr, false, exitCode, "");
  }

  public static RunCommandResult failure(String errorMsg) {
    return new RunCommandResult("", false, "", false, -1, errorMsg);
  }

  public boolean failed() {
    return !errorMsg.isBlank();
  }
}
