package io.bacalhau.cli.auth;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.client.ApiEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code bacalhau auth info}: which node the CLI talks to and which credential variables are set; a
 * secret's value is never printed.
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Show the node the CLI talks to and whether BACALHAU_API_KEY, BACALHAU_API_USERNAME and",
      "BACALHAU_API_PASSWORD are set (never their values)."
    })
public final class AuthInfoCommand implements Callable<Integer> {
  private static final List<String> VARIABLES =
      List.of("BACALHAU_API_KEY", "BACALHAU_API_USERNAME", "BACALHAU_API_PASSWORD");

  private final CliSession session;

  AuthInfoCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    String endpoint =
        session
            .namedEndpoint()
            .map(ApiEndpoint::display)
            .orElse(
                session.inProcess()
                    ? "in-process node on " + session.dataDir() + " (no API; credentials unused)"
                    : "local node on "
                        + session.dataDir()
                        + " (its own key, bacalhau.token; credentials unused)");
    session.out().println(pad("Endpoint:") + endpoint);
    Map<String, String> env = session.context().env();
    for (String name : VARIABLES) {
      boolean set = !env.getOrDefault(name, "").isEmpty();
      session.out().println(pad(name + ":") + (set ? "Set" : "Not Set"));
    }
    return ExitCode.OK;
  }

  private static String pad(String label) {
    return String.format("%-23s", label);
  }
}
