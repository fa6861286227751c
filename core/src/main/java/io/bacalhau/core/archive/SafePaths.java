package io.bacalhau.core.archive;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.nio.file.Path;

/**
 * Resolves names that come from outside (specs, archives, downloads, object keys) against a folder,
 * refusing any that would land outside it: {@code ../}, absolute paths, drive letters.
 */
public final class SafePaths {
  private SafePaths() {}

  /** {@code root/name}, or an error when {@code name} would escape {@code root}. */
  public static Path resolveInside(Path root, String name) {
    String cleaned = name.replace('\\', '/');
    Path base = root.toAbsolutePath().normalize();
    Path resolved = base.resolve(cleaned).normalize();
    if (cleaned.startsWith("/") || cleaned.matches("^[A-Za-z]:.*") || !resolved.startsWith(base)) {
      throw BacalhauException.builder(
              ErrorCode.BAD_REQUEST, "path '" + name + "' escapes its folder " + root)
          .component("Storage")
          .hint("Use a relative path without '..' components.")
          .failsExecution(true)
          .build();
    }
    return resolved;
  }

  /** The last path segment of a name that may contain slashes, safe to use as a file name. */
  public static String fileName(String name) {
    String last = name.replace('\\', '/');
    last = last.substring(last.lastIndexOf('/') + 1).strip();
    return last.isEmpty() || last.equals(".") || last.equals("..") ? "" : last;
  }
}
