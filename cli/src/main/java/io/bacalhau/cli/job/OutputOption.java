package io.bacalhau.cli.job;

import io.bacalhau.cli.render.DataOptions;
import picocli.CommandLine.Option;

/** {@code --output json|yaml} of {@code job run} and {@code job rerun}. */
final class OutputOption {
  @Option(
      names = "--output",
      paramLabel = "<format>",
      description =
          "When the job ends, print it with its executions and history as json or yaml on stdout"
              + " (with --dry-run: the job that would be submitted).")
  DataOptions.DataFormat format;
}
