package io.bacalhau.cli.version;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.cli.render.Table;
import io.bacalhau.client.HttpNodeClient;
import io.bacalhau.core.version.BuildInfo;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bacalhau version}: what this client is and what it runs on. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print the client version, the Java runtime and the OS/architecture.")
public final class VersionCommand implements Callable<Integer> {
  private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(3);

  private final CliSession session;

  @Mixin private DataOptions output;

  @Option(names = "--client", description = "Show the client's version only; ask no node.")
  private boolean clientOnly;

  VersionCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ClientVersion v = ClientVersion.current();
    String server = clientOnly ? null : serverVersion();
    if (output.output() != null) {
      Serializer.print(session.out(), new Versions(v, server), output.output(), output.pretty());
      return ExitCode.OK;
    }
    if (server == null) {
      printClient(session.out());
    } else {
      new Table(
              Column.of("Client"),
              Column.of("Server"),
              Column.of("Java"),
              Column.of("OS"),
              Column.of("Arch"))
          .row(v.gitVersion(), server, v.javaVersion(), v.os(), v.arch())
          .print(session.out(), false, true, false);
    }
    return ExitCode.OK;
  }

  /** The table of {@code bacalhau version} when no node answers: the client's facts only. */
  public static void printClient(java.io.PrintStream out) {
    ClientVersion v = ClientVersion.current();
    new Table(Column.of("Client"), Column.of("Java"), Column.of("OS"), Column.of("Arch"))
        .row(v.gitVersion(), v.javaVersion(), v.os(), v.arch())
        .print(out, false, true, false);
  }

  /**
   * The version of the named node, asked with a short timeout; null when no node is named or it
   * does not answer (then only the client's is shown, as Bacalhau does).
   */
  private String serverVersion() {
    if (!session.remoteNodeNamed() || !(session.node() instanceof HttpNodeClient remote)) {
      return null;
    }
    return remote.serverVersion(SERVER_TIMEOUT).orElse(null);
  }

  /**
   * The JSON/YAML shape: the client's version under {@code ClientVersion}, the node's under {@code
   * ServerVersion} when one answered.
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record Versions(
      @com.fasterxml.jackson.annotation.JsonProperty("ClientVersion") ClientVersion client,
      @com.fasterxml.jackson.annotation.JsonProperty("ServerVersion") String server) {}

  /** Feeds {@code bacalhau --version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      ClientVersion v = ClientVersion.current();
      return new String[] {
        "bacalhau "
            + v.gitVersion()
            + " (Java "
            + v.javaVersion()
            + ", "
            + v.os()
            + "/"
            + v.arch()
            + ")"
      };
    }
  }

  /** Version facts of this client. */
  public record ClientVersion(
      @com.fasterxml.jackson.annotation.JsonProperty("GitVersion") String gitVersion,
      @com.fasterxml.jackson.annotation.JsonProperty("BuildDate") String buildDate,
      @com.fasterxml.jackson.annotation.JsonProperty("JavaVersion") String javaVersion,
      @com.fasterxml.jackson.annotation.JsonProperty("OS") String os,
      @com.fasterxml.jackson.annotation.JsonProperty("Arch") String arch) {
    static ClientVersion current() {
      BuildInfo info = BuildInfo.current();
      return new ClientVersion(
          "v" + info.version(),
          info.buildDate(),
          Runtime.version().toString(),
          System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT),
          System.getProperty("os.arch"));
    }
  }
}
