package io.bacalhau.cli.profile;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalhau profile show [NAME]}: one profile's fields, the token masked. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a profile (default: the current one).")
public final class ProfileShowCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The profile.")
  private String name;

  @Option(names = "--show-token", description = "Print the token in full.")
  private boolean showToken;

  ProfileShowCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ProfileStore store = new ProfileStore(session.dataDir());
    String current = store.current().orElse("");
    String shown = name != null ? name : current;
    if (shown.isEmpty()) {
      throw new CommandFailedException(
          ExitCode.ERROR,
          "no profile is selected",
          "Name one, or select one with 'bacalhau profile select <name>'.");
    }
    Profile p = store.require(shown);
    PrintStream out = session.out();
    out.println("Name:        " + shown + (shown.equals(current) ? " (current)" : ""));
    out.println("Endpoint:    " + p.endpoint());
    out.println(
        "Auth:        "
            + (showToken && !p.token().isEmpty() ? "token (" + p.token() + ")" : p.maskedToken()));
    out.println("TLS:         " + (p.insecure() ? "insecure" : "secure"));
    out.println("Timeout:     " + p.timeout());
    if (!p.description().isEmpty()) {
      out.println("Description: " + p.description());
    }
    return ExitCode.OK;
  }
}
