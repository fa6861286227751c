package io.bacalhau.transport.nats.broker;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code nats-server} executable: on the PATH, then in {@code /usr/sbin}, where Debian's
 * package puts it although a user's PATH often lacks that directory.
 */
public final class NatsServerBinary {
  static final String NAME = "nats-server";
  private static final List<Path> DEBIAN_DIRS =
      List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"));

  private NatsServerBinary() {}

  public static Optional<Path> find() {
    return find(System.getenv().getOrDefault("PATH", ""), DEBIAN_DIRS);
  }

  static Optional<Path> find(String pathVariable, List<Path> extraDirs) {
    return candidates(pathVariable, extraDirs).stream().filter(Files::isExecutable).findFirst();
  }

  /** The binary, or an error that says where it looked and what to do instead. */
  public static Path require() {
    return require(System.getenv().getOrDefault("PATH", ""), DEBIAN_DIRS);
  }

  static Path require(String pathVariable, List<Path> extraDirs) {
    return find(pathVariable, extraDirs)
        .orElseThrow(
            () ->
                BacalhauException.builder(
                        ErrorCode.CONFIGURATION_ERROR,
                        NAME + " (the NATS broker) was not found on the PATH nor in /usr/sbin")
                    .component("NATS")
                    .hint(
                        "install it (Debian: apt-get install nats-server) or point the orchestrator"
                            + " at a running NATS server's URL")
                    .build());
  }

  private static List<Path> candidates(String pathVariable, List<Path> extraDirs) {
    List<Path> paths = new ArrayList<>();
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        paths.add(Path.of(dir, NAME));
      }
    }
    extraDirs.forEach(d -> paths.add(d.resolve(NAME)));
    return paths;
  }
}
