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

  private NatsServerBinary() {}

  public static Optional<Path> find() {
    return candidates().stream().filter(Files::isExecutable).findFirst();
  }

  /** The binary, or an error that says where it looked and what to do instead. */
  public static Path require() {
    return find()
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

  private static List<Path> candidates() {
    List<Path> paths = new ArrayList<>();
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        paths.add(Path.of(dir, NAME));
      }
    }
    paths.add(Path.of("/usr/sbin", NAME));
    paths.add(Path.of("/usr/local/sbin", NAME));
    return paths;
  }
}
