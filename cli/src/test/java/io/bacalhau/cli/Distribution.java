package io.bacalhau.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged distribution ({@code target/bacalhau}: its jars and bundled plugins) in a child
 * JVM, as a user's shell would, with the data dir and HOME inside the test's folder and no {@code
 * BACALHAU_*} variable leaking in from the build's environment.
 */
public final class Distribution {
  /** What one command printed and returned. */
  public record Run(int exitCode, String out, String err) {}

  private final Path home;
  private final Path dataDir;

  /** Runs in {@code home}, which is also HOME and holds the XDG config dir. */
  public Distribution(Path home, Path dataDir) {
    this.home = home;
    this.dataDir = dataDir;
  }

  public Run run(String... args) throws IOException, InterruptedException {
    return run(Map.of(), args);
  }

  public Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    Path dist = Path.of(System.getProperty("bacalhau.dist", "target/bacalhau")).toAbsolutePath();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-Dbacalhau.home=" + dist);
    command.add("-cp");
    command.add(dist.resolve("lib") + "/*");
    command.add("io.bacalhau.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
    pb.environment().keySet().removeIf(k -> k.toUpperCase(Locale.ROOT).startsWith("BACALHAU_"));
    pb.environment().put("BACALHAU_DIR", dataDir.toString());
    pb.environment().put("HOME", home.toString());
    pb.environment().put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
    pb.environment().put("BACALHAU_IN_PROCESS", "1"); // no resident node unless a test wants one
    pb.environment().putAll(env);
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    try {
      Process process = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        assertTrue(false, "timed out: bacalhau " + String.join(" ", args));
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
