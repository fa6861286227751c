package io.bacalhau.cli.config;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau config}: show and change settings. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Show and change Bacalhau's settings.")
public final class ConfigCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
