package io.bacalhau.cli.profile;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.UsageException;
import io.bacalhau.core.models.GoDuration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalhau profile save NAME}: creates a profile or changes the fields given. */
@Command(
    name = "save",
    mixinStandardHelpOptions = true,
    description = "Create or update a profile; a new one needs --endpoint.")
public final class ProfileSaveCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(index = "0", paramLabel = "NAME", description = "The profile's name.")
  private String name;

  @Option(
      names = "--endpoint",
      paramLabel = "<host:port|url>",
      description = "The node's API, e.g. 127.0.0.1:1234 or https://bacalhau.example:443.")
  private String endpoint;

  @Option(names = "--description", paramLabel = "<text>", description = "What the profile is for.")
  private String description;

  @Option(
      names = "--timeout",
      paramLabel = "<duration>",
      description = "How long a request may take, e.g. 30s (default 30s).")
  private String timeout;

  @Option(
      names = "--insecure",
      negatable = true,
      description = "Do not verify the node's TLS certificate.")
  private Boolean insecure;

  @Option(names = "--select", description = "Also make it the current profile.")
  private boolean select;

  ProfileSaveCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ProfileStore store = new ProfileStore(session.dataDir());
    Optional<Profile> existing = store.find(name);
    if (existing.isEmpty() && (endpoint == null || endpoint.isBlank())) {
      throw new UsageException(
          "--endpoint is required for a new profile", "e.g. --endpoint 127.0.0.1:1234");
    }
    if (endpoint != null) {
      ProfileEndpoint.parse(endpoint, "--endpoint"); // refuse what cannot be reached at all
    }
    if (timeout != null) {
      try {
        GoDuration.parse(timeout);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--timeout: " + e.getMessage(), "e.g. --timeout 30s");
      }
    }
    Profile base = existing.orElse(new Profile(endpoint, "", null, null, null));
    Profile saved =
        new Profile(
            endpoint != null ? endpoint : base.endpoint(),
            description != null ? description : base.description(),
            timeout != null ? timeout : base.timeout(),
            base.auth(),
            insecure != null ? new Profile.Tls(insecure) : base.tls());
    store.save(name, saved);
    session.out().println("Profile \"" + name + "\" saved");
    if (select) {
      store.select(name);
      session.out().println("Switched to profile \"" + name + "\"");
    }
    return ExitCode.OK;
  }
}
