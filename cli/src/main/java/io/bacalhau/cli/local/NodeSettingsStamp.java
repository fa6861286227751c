package io.bacalhau.cli.local;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the settings of a local node are made of, as a short hash: the {@code -c} values (a file's
 * size and time, not its text), the data dir's {@code config.yaml}, the {@code BACALHAU_*}
 * variables and {@code LOG_LEVEL}. A resident node started with other settings than a command's is
 * replaced, so that e.g. {@code -c JobDefaults...} or a {@code config set} takes effect as it would
 * in-process. Computed without loading the configuration, which would cost more than the check
 * saves.
 */
public final class NodeSettingsStamp {
  /** Variables only the client reads: they never reach the node. */
  private static final Set<String> CLIENT_ONLY =
      Set.of(
          "BACALHAU_API_KEY",
          "BACALHAU_API_USERNAME",
          "BACALHAU_API_PASSWORD",
          "BACALHAU_IN_PROCESS",
          "BACALHAU_PROFILE");

  private NodeSettingsStamp() {}

  public static String of(
      Path dataDir, List<String> configArgs, Map<String, String> env, Path workingDir) {
    StringBuilder facts = new StringBuilder();
    TreeMap<String, String> sorted = new TreeMap<>();
    env.forEach(
        (k, v) -> {
          if ((k.startsWith("BACALHAU_") && !CLIENT_ONLY.contains(k)) || k.equals("LOG_LEVEL")) {
            sorted.put(k, v);
          }
        });
    sorted.forEach((k, v) -> facts.append(k).append('=').append(v).append('\n'));
    appendFile(facts, dataDir.resolve("config.yaml").toFile());
    if (!configArgs.isEmpty()) {
      // Relative paths in them resolve against the working dir, which the node then shares.
      facts.append("cwd=").append(workingDir).append('\n');
    }
    for (String arg : configArgs) {
      facts.append("-c ").append(arg).append('\n');
      File file = workingDir.resolve(arg).toFile();
      if (!arg.contains("=") || file.isFile()) {
        appendFile(facts, file);
      }
    }
    return BuildId.hash(facts.toString());
  }

  private static void appendFile(StringBuilder facts, File file) {
    facts.append(file).append(':').append(file.length()).append(':');
    facts.append(file.lastModified()).append('\n');
  }
}
