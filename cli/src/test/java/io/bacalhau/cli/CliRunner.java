package io.bacalhau.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in-process the way a user's shell would, with a data dir and environment of the
 * test's own, and keeps what it printed.
 */
public final class CliRunner {
  private final Path dataDir;
  private final Map<String, String> env = new HashMap<>();
  private Path workingDir;
  private byte[] stdin = new byte[0];

  public CliRunner(Path dataDir) {
    this.dataDir = dataDir;
    this.workingDir = dataDir;
    env.put("BACALHAU_DIR", dataDir.toString());
    env.put("HOME", dataDir.toString());
    // Each command runs its own node, as the suite always has; the resident node has tests of its
    // own (ResidentNodeTest). -Dbacalhau.test.inProcess=0 runs the suite against it instead.
    env.put("BACALHAU_IN_PROCESS", System.getProperty("bacalhau.test.inProcess", "1"));
  }

  public CliRunner env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public CliRunner withoutEnv(String name) {
    env.remove(name);
    return this;
  }

  public CliRunner workingDir(Path dir) {
    workingDir = dir;
    return this;
  }

  public CliRunner stdin(String text) {
    stdin = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  public Path dataDir() {
    return dataDir;
  }

  public Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    InputStream in = new ByteArrayInputStream(stdin);
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = Main.run(new CliContext(o, e, in, env, workingDir, false), args);
      return new Result(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  /** What one command did: its exit code and what it printed. */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
