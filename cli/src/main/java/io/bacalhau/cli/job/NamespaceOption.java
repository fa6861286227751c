package io.bacalhau.cli.job;

import picocli.CommandLine.Option;

/** {@code --namespace}: where a job name is looked up. */
public final class NamespaceOption {
  @Option(
      names = "--namespace",
      defaultValue = "default",
      description = "Namespace of the job (default ${DEFAULT-VALUE}).")
  String namespace = "default";
}
