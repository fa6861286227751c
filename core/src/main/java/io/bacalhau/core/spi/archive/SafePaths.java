package io.bacalhau.core.spi.archive;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves names that come from outside (specs, archives, downloads, object keys) against a folder,
 * refusing any that would land outside it: {@code ../}, absolute paths, drive letters.
 */
public final class SafePaths {
  /** The longest file name Linux, macOS and Windows file systems all accept, in bytes. */
  static final int MAX_NAME_BYTES = 255;

  private SafePaths() {}

  /** {@code root/name}, or an error when {@code name} would escape {@code root}. */
  public static Path resolveInside(Path root, String name) {
    String cleaned = name.replace('\\', '/');
    Path base = root.toAbsolutePath().normalize();
    Path resolved;
    try {
      resolved = base.resolve(cleaned).normalize();
    } catch (InvalidPathException e) {
      // A NUL (an archive's PAX header, an object key) is no file name on any system.
      throw BacalhauException.builder(
              ErrorCode.BAD_REQUEST,
              "path '" + printable(name) + "' is not a valid file name: " + e.getReason())
          .component("Storage")
          .hint("Use a relative path without control characters.")
          .failsExecution(true)
          .build();
    }
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

  /**
   * Why {@code name} cannot be used as one file or folder name, or empty when it can: it must be a
   * single path component, so that it names a child of its folder and nothing else.
   */
  public static Optional<String> componentProblem(String name) {
    if (name.isEmpty()) {
      return Optional.of("is empty");
    }
    if (name.equals(".") || name.equals("..")) {
      return Optional.of("is '" + name + "', which names a folder itself, not a child of it");
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
      return Optional.of("contains a path separator ('/' or '\\')");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      return Optional.of("contains a control character");
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      return Optional.of("is longer than " + MAX_NAME_BYTES + " bytes");
    }
    return Optional.empty();
  }

  /**
   * {@code root/name} for a name that must be a single path component (a result folder, an
   * execution's folder), or an error that fails the execution naming {@code what}. The check is
   * repeated here, where the path is made, because a spec may reach this point without passing
   * today's validation (one stored by an older version, one from another client).
   */
  public static Path child(Path root, String name, String what) {
    Optional<String> problem = componentProblem(name);
    Path base = root.toAbsolutePath().normalize();
    Path resolved = problem.isPresent() ? null : base.resolve(name).normalize();
    if (resolved == null || !base.equals(resolved.getParent())) {
      throw BacalhauException.builder(
              ErrorCode.VALIDATION_ERROR,
              what
                  + " '"
                  + printable(name)
                  + "' "
                  + problem.orElse("does not name a child of " + root)
                  + "; it must be a single file or folder name")
          .component("Compute")
          .hint(
              "Use a plain name such as 'outputs': no '/', '\\', '.', '..' or control characters.")
          .failsExecution(true)
          .build();
    }
    return resolved;
  }

  /** A name as it may be shown in a message: control characters escaped. */
  public static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** The last path segment of a name that may contain slashes, safe to use as a file name. */
  public static String fileName(String name) {
    String last = name.replace('\\', '/');
    last = last.substring(last.lastIndexOf('/') + 1).strip();
    return componentProblem(last).isPresent() ? "" : last;
  }
}
