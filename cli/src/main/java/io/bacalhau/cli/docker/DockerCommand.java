package io.bacalhau.cli.docker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau docker}: run containers as jobs. */
@Command(
    name = "docker",
    mixinStandardHelpOptions = true,
    description = "Run a Docker container as a job.")
public final class DockerCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
