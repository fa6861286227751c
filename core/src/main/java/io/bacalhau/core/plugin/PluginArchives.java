package io.bacalhau.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds plugin jars and zips in a folder. A jar is loaded as it is; a zip ({@code
 * plugin.properties} + {@code lib/*.jar}) is unpacked once into the cache, keyed by its size and
 * modification time, so later runs reuse it. Unpacking goes to a temporary folder first and is
 * renamed into place, so processes starting at the same time never see a half-written plugin.
 */
final class PluginArchives {
  private final Path cacheDir;

  PluginArchives(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  /**
   * The candidates in a folder, sorted by name. Files that are clearly broken are reported to
   * {@code problems} (file, reason) instead.
   */
  List<PluginCandidate> scan(Path dir, BiConsumer<Path, String> problems) {
    List<PluginCandidate> found = new ArrayList<>();
    if (dir == null || !Files.isDirectory(dir)) {
      return found;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(files::add);
    } catch (IOException e) {
      problems.accept(dir, "cannot list the folder: " + e.getMessage());
      return found;
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path file : files) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.startsWith(".") || !Files.isRegularFile(file)) {
        continue;
      }
      try {
        if (name.endsWith(".jar")) {
          checkJar(file);
          found.add(new PluginCandidate(file, file));
        } else if (name.endsWith(".zip")) {
          found.add(new PluginCandidate(file, unpack(file)));
        }
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        problems.accept(file, describe(e));
      }
    }
    return found;
  }

  private static String describe(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return cause instanceof java.util.zip.ZipException
        ? "not a valid jar or zip (" + message + ")"
        : message;
  }

  /** A corrupt jar or one without plugin manifest is reported here, with a precise reason. */
  private static void checkJar(Path file) throws IOException {
    try (JarFile jar = new JarFile(file.toFile())) {
      Manifest manifest = jar.getManifest();
      if (manifest == null || manifest.getMainAttributes().getValue("Plugin-Id") == null) {
        throw new IllegalArgumentException(
            "bad plugin descriptor: the jar's META-INF/MANIFEST.MF has no Plugin-Id");
      }
    }
  }

  private Path unpack(Path zip) throws IOException {
    FileTime modified = Files.getLastModifiedTime(zip);
    String base = zip.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
    String origin = Integer.toHexString(zip.toAbsolutePath().normalize().toString().hashCode());
    String key =
        base
            + "-"
            + Long.toHexString(Files.size(zip))
            + "-"
            + Long.toHexString(modified.toMillis())
            + "-"
            + origin;
    Path target = cacheDir.resolve(key);
    if (Files.isDirectory(target)) {
      return target;
    }
    Files.createDirectories(cacheDir);
    Path temp = Files.createTempDirectory(cacheDir, ".unpack-");
    try {
      extract(zip, temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Another process unpacked the same zip first (Linux says "Directory not empty" with no
        // particular exception type); theirs is identical. Anything else is a real failure.
        if (!Files.isDirectory(target)) {
          throw e;
        }
      }
    } finally {
      deleteTree(temp);
    }
    removeOlderCopies(base, origin, key);
    return target;
  }

  /**
   * Rebuilding a distribution replaces its zips; the copies unpacked from the same file before are
   * dead weight. (Only the same file's: another distribution sharing this data dir keeps its own.)
   */
  private void removeOlderCopies(String base, String origin, String current) {
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(cacheDir, base + "-*-" + origin)) {
      for (Path old : stream) {
        String name = old.getFileName().toString();
        if (!name.equals(current) && name.split("-").length == current.split("-").length) {
          deleteTree(old);
        }
      }
    } catch (IOException e) {
      // Stale copies only cost disk space.
    }
  }

  private static void extract(Path zip, Path into) throws IOException {
    Path root = into.toAbsolutePath().normalize();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      if (file.getEntry("plugin.properties") == null) {
        throw new IllegalArgumentException(
            "bad plugin descriptor: the zip has no plugin.properties at its root");
      }
      for (ZipEntry entry : java.util.Collections.list(file.entries())) {
        Path out = root.resolve(entry.getName()).normalize();
        if (!out.startsWith(root) || entry.getName().startsWith("/")) {
          throw new IllegalArgumentException(
              "the zip entry '" + entry.getName() + "' would be written outside the plugin");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(PluginArchives::deleteQuietly);
    } catch (IOException e) {
      // A leftover temporary folder is harmless; the next unpack uses a new one.
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // see deleteTree
    }
  }
}
