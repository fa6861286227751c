package io.bacalhau.cli.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code <DataDir>/bacalhau.run}: where the running server listens, as shell lines a user can
 * {@code source} so that clients find it. Removed when the server stops.
 */
final class RunFile implements AutoCloseable {
  private final Path file;

  private RunFile(Path file) {
    this.file = file;
  }

  /**
   * @param tls whether the server talks TLS: then the host carries {@code https://}, which clients
   *     read as "use TLS", so a client that sources the file does not speak plain HTTP to it
   */
  static RunFile write(Path dataDir, String host, int port, boolean tls) {
    Path file = dataDir.resolve("bacalhau.run");
    String shown = tls ? "https://" + host : host;
    try {
      Files.writeString(
          file, "export BACALHAU_API_HOST=" + shown + "\nexport BACALHAU_API_PORT=" + port + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return new RunFile(file);
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Nothing to do about it as the process ends; the next serve overwrites it.
    }
  }
}
