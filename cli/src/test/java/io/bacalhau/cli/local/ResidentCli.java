package io.bacalhau.cli.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI as a process of its own with the resident node allowed, as a user's shell does, and
 * reads what the data dir says of its node.
 */
final class ResidentCli {
  /** What one command printed and returned. */
  record Run(int exitCode, String out) {}

  private final Path dataDir;
  private final Map<String, String> env = new HashMap<>();
  private final List<String> jvmOptions = new ArrayList<>();

  ResidentCli(Path dataDir) {
    this.dataDir = dataDir;
    env.put("BACALHAU_DISABLEANALYTICS", "true");
    env.put("HOME", dataDir.toString());
  }

  ResidentCli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** Poses as another build of the CLI. */
  ResidentCli build(String id) {
    return jvm("-D" + BuildId.PROPERTY + "=" + id);
  }

  ResidentCli jvm(String option) {
    jvmOptions.add(option);
    return this;
  }

  Process start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("--data-dir");
    command.add(dataDir.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dataDir.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("BACALHAU_"));
    pb.environment().putAll(env);
    return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  Run run(String... args) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dataDir, "cli", ".log");
    Process p = start(log, args);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", args));
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The node the run file names, if any. */
  Optional<LocalNodeRecord> node() {
    return RunFile.read(dataDir);
  }

  /** The serve processes working on the data dir. */
  List<ProcessHandle> serveProcesses() {
    String dir = dataDir.toString();
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .filter(c -> c.contains(dir) && c.contains(" serve"))
                    .isPresent())
        .toList();
  }
}
