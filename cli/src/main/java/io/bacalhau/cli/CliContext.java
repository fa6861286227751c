package io.bacalhau.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a command may touch outside itself: streams, environment, working directory. Tests
 * pass their own, so no command reads {@code System.getenv()} or {@code System.out} directly.
 */
public record CliContext(
    PrintStream out,
    PrintStream err,
    InputStream in,
    Map<String, String> env,
    Path workingDir,
    boolean interactive) {

  public CliContext {
    env = Map.copyOf(env);
  }

  /** The context of a real process. */
  public static CliContext system() {
    boolean terminal = System.console() != null && System.console().isTerminal();
    return new CliContext(
        System.out, System.err, System.in, System.getenv(), Path.of("").toAbsolutePath(), terminal);
  }

  /** Colours only on a terminal, and never when NO_COLOR is set. */
  public boolean colour() {
    return interactive && !env.containsKey("NO_COLOR");
  }

  public Path resolve(String path) {
    return workingDir.resolve(path).normalize();
  }
}
