package io.bacalhau.cli.version;

import io.bacalhau.cli.CliSession;
import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.render.Column;
import io.bacalhau.cli.render.DataOptions;
import io.bacalhau.cli.render.Serializer;
import io.bacalhau.cli.render.Table;
import io.bacalhau.core.version.BuildInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bacalhau version}: what this client is and what it runs on. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print the client version, the Java runtime and the OS/architecture.")
public final class VersionCommand implements Callable<Integer> {
  private final CliSession session;

  @Mixin private DataOptions output;

  VersionCommand(CliSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    ClientVersion v = ClientVersion.current();
    if (output.output() != null) {
      Serializer.print(session.out(), new Versions(v), output.output(), output.pretty());
      return ExitCode.OK;
    }
    new Table(Column.of("Client"), Column.of("Java"), Column.of("OS"), Column.of("Arch"))
        .row(v.gitVersion(), v.javaVersion(), v.os(), v.arch())
        .print(session.out(), false, true, false);
    return ExitCode.OK;
  }

  /** The JSON/YAML shape: the client's version under {@code ClientVersion}. */
  record Versions(
      @com.fasterxml.jackson.annotation.JsonProperty("ClientVersion") ClientVersion client) {}

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
