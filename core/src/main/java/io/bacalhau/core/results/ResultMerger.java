package io.bacalhau.core.results;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.archive.TarGz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns downloaded results into one folder, as {@code bacalhau job get} promises: archives are
 * unpacked, the {@code stdout}, {@code stderr} and {@code exitCode} of several executions are
 * appended one after the other, and any other clash is an error rather than a silent overwrite.
 */
final class ResultMerger {
  static final long MAX_FILE_BYTES = 100L << 30;
  private static final Set<String> APPENDED = Set.of("stdout", "stderr", "exitCode");

  private final Path out;

  ResultMerger(Path out) {
    this.out = out;
  }

  /** Unpacks every .tar.gz/.tgz directly in {@code download} into a folder beside it. */
  static void unpackArchives(Path download) throws IOException {
    for (Path file : list(download)) {
      String name = file.getFileName().toString();
      if (Files.isRegularFile(file) && (name.endsWith(".tar.gz") || name.endsWith(".tgz"))) {
        Path folder = download.resolve(name.replaceFirst("\\.(tar\\.gz|tgz)$", ""));
        try (InputStream in = Files.newInputStream(file)) {
          TarGz.unpack(in, folder, MAX_FILE_BYTES);
        }
        Files.delete(file);
      }
    }
  }

  /**
   * Moves one result into the output folder. {@code download} holds what was fetched: unpacked
   * archives (folders) whose contents go to the top of the output, or plain files.
   */
  void merge(Path download) throws IOException {
    for (Path item : list(download)) {
      if (Files.isDirectory(item)) {
        for (Path child : list(item)) {
          move(child, out.resolve(child.getFileName().toString()));
        }
      } else {
        move(item, out.resolve(item.getFileName().toString()));
      }
    }
  }

  private void move(Path source, Path target) throws IOException {
    if (Files.isSymbolicLink(source)) {
      // A link from a publisher's download could point anywhere on this machine: moving "its"
      // files would move the files it points at.
      throw BacalhauException.builder(
              ErrorCode.BAD_REQUEST, "refusing the result entry " + source + ": it is a link")
          .component("Downloader")
          .build();
    }
    if (Files.isDirectory(source)) {
      if (Files.exists(target) && !Files.isDirectory(target)) {
        throw clash(target);
      }
      Files.createDirectories(target);
      for (Path child : list(source)) {
        move(child, target.resolve(child.getFileName().toString()));
      }
      return;
    }
    if (!Files.exists(target)) {
      Files.move(source, target);
    } else if (target.getParent().equals(out)
        && APPENDED.contains(target.getFileName().toString())) {
      Files.write(target, Files.readAllBytes(source), StandardOpenOption.APPEND);
    } else {
      throw clash(target);
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static BacalhauException clash(Path target) {
    return BacalhauException.builder(
            ErrorCode.RESOURCE_IN_USE, "cannot merge results as output already exists: " + target)
        .component("Downloader")
        .hint("Try --raw to keep each result apart, or choose another --output-dir.")
        .build();
  }
}
