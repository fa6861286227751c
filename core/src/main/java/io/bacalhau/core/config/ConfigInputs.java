package io.bacalhau.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What configuration is built from, besides files: the process environment, the {@code -c} values
 * in order, and the dedicated flags (null when not given).
 */
public record ConfigInputs(
    Map<String, String> env,
    Path workingDir,
    List<String> configArgs,
    String dataDirFlag,
    String apiHostFlag,
    Integer apiPortFlag) {

  public ConfigInputs {
    env = Map.copyOf(env);
    configArgs = List.copyOf(configArgs);
  }

  String home() {
    return env.getOrDefault("HOME", System.getProperty("user.home"));
  }
}
