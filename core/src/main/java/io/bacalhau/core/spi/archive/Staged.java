package io.bacalhau.core.spi.archive;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a file or folder all or nothing: the work writes into a hidden folder beside the target,
 * and what it wrote is renamed into place only when the work succeeds; when it fails, everything it
 * wrote is deleted. Beside the target, so that the rename stays on one file system.
 */
public final class Staged {
  private Staged() {}

  /** Writes the file or folder at {@code staged}, a path that does not exist yet. */
  @FunctionalInterface
  public interface Work {
    void write(Path staged) throws IOException;
  }

  /**
   * Runs {@code work} and puts what it wrote at {@code target}, which must be absent or an empty
   * folder: the result never merges into, or overwrites, what is already there.
   */
  public static void write(Path target, Work work) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = Files.createDirectories(absolute.getParent());
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !isEmptyFolder(absolute)) {
      throw BacalhauException.builder(
              ErrorCode.RESOURCE_IN_USE,
              "cannot write " + target + ": it exists and is not an empty folder")
          .component("Archive")
          .build();
    }
    Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
    try {
      Path staged = staging.resolve("content");
      work.write(staged);
      if (!Files.exists(staged, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(staged);
      }
      Files.deleteIfExists(absolute);
      Files.move(staged, absolute, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(staging);
    }
  }

  private static boolean isEmptyFolder(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // Best effort: the outcome being reported matters more than a leftover hidden folder.
      org.slf4j.LoggerFactory.getLogger(Staged.class)
          .warn("could not remove the partial folder {}", dir, e);
    }
  }
}
