package io.bacalhau.cli.run;

import io.bacalhau.cli.job.RuntimeOptions;
import picocli.CommandLine.Option;

/**
 * The runtime settings of {@code docker run} and {@code wasm run}: those of {@code job run} except
 * {@code --output}, which these commands use for result paths ({@code -o name:path}).
 */
public final class RunOptions {
  @Option(
      names = "--wait",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      description =
          "Wait for the job to end (default true); --wait=false prints the job ID and returns.")
  boolean wait = true;

  @Option(
      names = "--wait-timeout-secs",
      defaultValue = "600",
      paramLabel = "<secs>",
      description =
          "Stop waiting after this many seconds (default ${DEFAULT-VALUE}); the job keeps running.")
  long waitTimeoutSecs = 600;

  @Option(names = "--id-only", description = "Print only the job ID (still waits, quietly).")
  boolean idOnly;

  @Option(
      names = {"-f", "--follow"},
      description = "Stream the job's output instead of progress events.")
  boolean follow;

  @Option(
      names = "--dry-run",
      description = "Print the job that would be submitted as YAML, and submit nothing.")
  boolean dryRun;

  @Option(names = "--hide-warnings", description = "Do not print warnings about the spec.")
  boolean hideWarnings;

  @Option(
      names = "--force",
      description = "Submit even when the spec is identical to the job's latest version.")
  boolean force;

  public RuntimeOptions toRuntime() {
    return RuntimeOptions.of(wait, waitTimeoutSecs, idOnly, follow, dryRun, hideWarnings, force);
  }
}
