package io.bacalhau.cli.profile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau profile}: named endpoints to switch between (a local node, clusters). */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "Manage profiles: named nodes to talk to, with their credentials and timeout.")
public final class ProfileCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
