package io.bacalhau.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h/--help} alone, for commands whose {@code -v/--version} selects a job version: picocli's
 * standard help mixin would also bring {@code -V/--version}, and the two clash, which broke {@code
 * --help} of those commands.
 */
public final class HelpOption {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  private boolean help;
}
