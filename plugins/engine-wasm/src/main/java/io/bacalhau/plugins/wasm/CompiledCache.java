package io.bacalhau.plugins.wasm;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled modules on disk, one file per module SHA-256, so that a later process skips the
 * compilation. Entries are published atomically (write aside, then rename), so concurrent processes
 * never read half a file; a broken entry is dropped and compiled again.
 */
final class CompiledCache {
  private static final Logger LOG = LoggerFactory.getLogger(CompiledCache.class);

  private final Path dir;

  /**
   * @param dir a folder per compiler version, since compiled classes only fit the compiler that
   *     made them
   */
  CompiledCache(Path dir) {
    this.dir = dir;
  }

  /** The entry for a {@code sha256:<hex>} key, or null. */
  byte[] get(String sha256Hex) {
    Path file = file(sha256Hex);
    try {
      return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    } catch (IOException e) {
      LOG.debug("cannot read compiled module {}", file, e);
      return null;
    }
  }

  void putIfAbsent(String sha256Hex, byte[] data) {
    Path file = file(sha256Hex);
    if (Files.exists(file)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".compiling-", ".tmp");
      try {
        Files.write(tmp, data);
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file);
        }
      } catch (FileAlreadyExistsException e) {
        // another process published it first: theirs is as good as ours
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      // the cache is an optimisation; a read-only data dir must not fail the job
      LOG.warn("cannot cache compiled module in {}: {}", dir, e.toString());
    }
  }

  void remove(String sha256Hex) {
    try {
      Files.deleteIfExists(file(sha256Hex));
    } catch (IOException e) {
      LOG.debug("cannot remove compiled module {}", sha256Hex, e);
    }
  }

  private Path file(String sha256Hex) {
    String hex = sha256Hex.toLowerCase(Locale.ROOT);
    HexFormat.of().parseHex(hex); // only hex digits may name a file
    return dir.resolve(hex + ".jar");
  }
}
