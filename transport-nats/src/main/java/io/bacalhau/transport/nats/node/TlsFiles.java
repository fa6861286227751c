package io.bacalhau.transport.nats.node;

import io.bacalhau.core.config.BacalhauConfig;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;

/** The certificate and key files of the cluster's TLS keys, checked when the node starts. */
final class TlsFiles {
  private TlsFiles() {}

  /** The file named by {@code key}, or null when unset; an error names the key if it is missing. */
  static Path file(BacalhauConfig config, String key) {
    String value = config.string(key).strip();
    if (value.isEmpty()) {
      return null;
    }
    Path path = Path.of(value);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw BacalhauException.builder(
              ErrorCode.CONFIGURATION_ERROR, key + ": no readable file at " + path.toAbsolutePath())
          .component("NATS")
          .hint("give the path of a PEM file")
          .build();
    }
    return path;
  }

  /** Both or neither: a certificate without its key (or the reverse) is an error naming both. */
  static void pair(Path cert, String certKey, Path key, String keyKey) {
    if ((cert == null) != (key == null)) {
      String set = cert == null ? keyKey : certKey;
      String unset = cert == null ? certKey : keyKey;
      throw BacalhauException.builder(
              ErrorCode.CONFIGURATION_ERROR, set + " is set but " + unset + " is not")
          .component("NATS")
          .hint("TLS for NATS needs both " + certKey + " and " + keyKey + " (PEM files)")
          .build();
    }
  }
}
