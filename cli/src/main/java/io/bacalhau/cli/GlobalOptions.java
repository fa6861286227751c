package io.bacalhau.cli;

import io.bacalhau.cli.config.ConfigKeyCandidates;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts; one shared instance per invocation holds their values. */
public final class GlobalOptions {

  @Option(
      names = {"-c", "--config"},
      scope = ScopeType.INHERIT,
      paramLabel = "<file.yaml|key=value|key>",
      completionCandidates = ConfigKeyCandidates.class,
      description = {
        "A config file (.yaml/.yml), a key=value override, or a bare boolean key (sets true).",
        "Repeatable; later files win, key=value beats everything."
      })
  private List<String> config = new ArrayList<>();

  @Option(
      names = "--data-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "<dir>",
      description = "Where Bacalhau keeps its state (default ~/.bacalhau; env BACALHAU_DIR).")
  private String dataDir;

  @Option(
      names = "--api-host",
      scope = ScopeType.INHERIT,
      paramLabel = "<host>",
      description = "Host of the Bacalhau API to talk to (config API.Host).")
  private String apiHost;

  @Option(
      names = "--api-port",
      scope = ScopeType.INHERIT,
      paramLabel = "<port>",
      description = "Port of the Bacalhau API to talk to (config API.Port).")
  private Integer apiPort;

  @Option(
      names = "--profile",
      scope = ScopeType.INHERIT,
      paramLabel = "<name>",
      description = "The profile naming the node to talk to (env BACALHAU_PROFILE).")
  private String profile;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print error details and stack traces.")
  private boolean debug;

  public List<String> config() {
    return List.copyOf(config);
  }

  public String dataDir() {
    return dataDir;
  }

  public String apiHost() {
    return apiHost;
  }

  public Integer apiPort() {
    return apiPort;
  }

  public String profile() {
    return profile;
  }

  public boolean debug() {
    return debug;
  }
}
