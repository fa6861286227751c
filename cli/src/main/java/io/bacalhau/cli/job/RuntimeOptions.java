package io.bacalhau.cli.job;

import io.bacalhau.cli.render.DataOptions;
import picocli.CommandLine.Option;

/** How {@code job run}, {@code docker run} and {@code wasm run} wait for and show the job. */
public final class RuntimeOptions {
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
      description = "Print the job that would be submitted, and submit nothing.")
  boolean dryRun;

  @Option(names = "--hide-warnings", description = "Do not print warnings about the spec.")
  boolean hideWarnings;

  @Option(
      names = "--output",
      paramLabel = "<format>",
      description =
          "When the job ends, print it with its executions and history as json or yaml on stdout"
              + " (with --dry-run: the job that would be submitted).")
  DataOptions.DataFormat output;

  @Option(
      names = "--force",
      description = "Submit even when the spec is identical to the job's latest version.")
  boolean force;

  /**
   * The same settings built in code, for commands whose own flags clash with one of ours ({@code
   * docker run} and {@code wasm run} use {@code -o/--output} for result paths).
   */
  public static RuntimeOptions of(
      boolean wait,
      long waitTimeoutSecs,
      boolean idOnly,
      boolean follow,
      boolean dryRun,
      boolean hideWarnings,
      boolean force) {
    RuntimeOptions o = new RuntimeOptions();
    o.wait = wait;
    o.waitTimeoutSecs = waitTimeoutSecs;
    o.idOnly = idOnly;
    o.follow = follow;
    o.dryRun = dryRun;
    o.hideWarnings = hideWarnings;
    o.force = force;
    return o;
  }
}
