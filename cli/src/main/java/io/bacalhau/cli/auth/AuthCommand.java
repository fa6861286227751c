package io.bacalhau.cli.auth;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bacalhau auth}: credentials for a node's API ({@code API.Auth.Users}). */
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    description = "Hash API passwords; show which credentials the CLI sends.")
public final class AuthCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
