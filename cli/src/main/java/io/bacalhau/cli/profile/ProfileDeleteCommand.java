package io.bacalhau.cli.profile;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bacalhau profile delete NAME}: removes a profile; the current one only when confirmed. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a profile.")
public final class ProfileDeleteCommand implements Callable<Integer> {
  private final CliSession session;

  @Parameters(index = "0", paramLabel = "NAME", description = "The profile.")
  private String name;

  @Option(
      names = {"-f", "--force"},
      description = "Delete the current profile without asking.")
  private boolean force;

  ProfileDeleteCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() throws IOException {
    ProfileStore store = new ProfileStore(session.dataDir());
    store.require(name);
    if (!force && store.current().filter(name::equals).isPresent() && !confirmed()) {
      throw new CommandFailedException(
          ExitCode.ERROR,
          "profile \"" + name + "\" was not deleted",
          "Use --force to skip asking.");
    }
    store.delete(name);
    session.out().println("Profile \"" + name + "\" deleted");
    return ExitCode.OK;
  }

  private boolean confirmed() throws IOException {
    session.err().print("Profile \"" + name + "\" is the current profile. Delete it? (y/N): ");
    session.err().flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(session.context().in(), StandardCharsets.UTF_8));
    String answer = in.readLine();
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
  }
}
