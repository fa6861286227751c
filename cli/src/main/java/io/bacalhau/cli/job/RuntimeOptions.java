package io.bacalhau.cli.job;

import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.core.models.Times;
import picocli.CommandLine.Option;

/**
 * How {@code job run}, {@code docker run} and {@code wasm run} wait for and show the job. {@code
 * --output} is not here: the run commands use {@code -o/--output} for result paths.
 */
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
      description =
          "Submit nothing: print the job that would be submitted (job run of a named job that"
              + " exists: how it differs from the stored version).")
  boolean dryRun;

  @Option(
      names = "--group-events",
      description =
          "Show progress events under a heading per execution (and one for the job) instead of"
              + " an EXEC. ID column.")
  boolean groupEvents;

  @Option(names = "--hide-warnings", description = "Do not print warnings about the spec.")
  boolean hideWarnings;

  @Option(
      names = "--node-details",
      description =
          "When the job ends, print each node's result (error, else stderr, else stdout).")
  boolean nodeDetails;

  @Option(
      names = "--force",
      description = "Submit even when the spec is identical to the job's latest version.")
  boolean force;

  /**
   * These options, once {@code --wait-timeout-secs} is known to be a duration: past 100 years its
   * deadline overflowed ("long overflow" after the job was submitted), so it is refused up front.
   */
  public RuntimeOptions checked() {
    if (waitTimeoutSecs < 0 || waitTimeoutSecs > Times.MAX_DURATION.toSeconds()) {
      throw new UsageException(
          "--wait-timeout-secs must be from 0 to "
              + Times.MAX_DURATION.toSeconds()
              + " (100 years), got "
              + waitTimeoutSecs,
          null);
    }
    return this;
  }

  /** Whether warnings about the spec are printed (not with --hide-warnings or --id-only). */
  public boolean showsWarnings() {
    return !hideWarnings && !idOnly;
  }

  /** Whether the command will submit the job (not a dry run). */
  public boolean submits() {
    return !dryRun;
  }

  /** Set by {@code job run} and {@code job rerun} from their {@code --output} flag. */
  DataOptions.DataFormat output;

  /** Also print the ended job in this format (null: do not). */
  RuntimeOptions printing(DataOptions.DataFormat format) {
    this.output = format;
    return this;
  }
}
