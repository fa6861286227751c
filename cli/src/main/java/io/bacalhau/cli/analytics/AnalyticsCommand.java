package io.bacalhau.cli.analytics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau analytics}: see what anonymous usage data is shared. */
@Command(
    name = "analytics",
    mixinStandardHelpOptions = true,
    description =
        "See the anonymous usage data Bacalhau shares (turn it off with DisableAnalytics).")
public final class AnalyticsCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
