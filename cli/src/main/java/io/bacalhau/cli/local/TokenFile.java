package io.bacalhau.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code <DataDir>/bacalhau.token}: the random API key a resident node requires, readable by the
 * user alone (mode 0600 from the moment the file exists, never widened afterwards), so other users
 * of the machine cannot run jobs through the user's node even though it listens on loopback.
 */
final class TokenFile {
  private static final String NAME = "bacalhau.token";

  private TokenFile() {}

  static Path path(Path dataDir) {
    return dataDir.resolve(NAME);
  }

  /** Makes a new token and writes it; returns it. */
  static String create(Path dataDir) {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path file = path(dataDir);
    try {
      Path temp =
          FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
              ? Files.createTempFile(
                  dataDir,
                  ".token",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(dataDir, ".token", ".tmp");
      Files.writeString(temp, token);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return token;
  }

  static Optional<String> read(Path dataDir) {
    try {
      return Optional.of(Files.readString(path(dataDir), StandardCharsets.UTF_8).strip());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path(dataDir), e);
    }
  }

  static void delete(Path dataDir) {
    try {
      Files.deleteIfExists(path(dataDir));
    } catch (IOException e) {
      // A later node writes a new one over it.
    }
  }
}
