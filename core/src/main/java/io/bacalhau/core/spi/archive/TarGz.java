package io.bacalhau.core.spi.archive;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Gzipped tar archives of result folders. Packing stores entries relative to the folder (long names
 * and big files included); unpacking refuses entries that would land outside the target folder,
 * links of any kind, and files over a size limit.
 */
public final class TarGz {
  private TarGz() {}

  /** Writes {@code dir}'s contents (not the folder itself) to {@code out}, in a stable order. */
  public static void pack(Path dir, OutputStream out) throws IOException {
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      List<Path> paths;
      try (Stream<Path> walk = Files.walk(dir)) {
        paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
      }
      for (Path path : paths) {
        if (Files.isSymbolicLink(path)) {
          continue; // a link could point anywhere on the node: never ship what it points at
        }
        String name = dir.relativize(path).toString().replace('\\', '/');
        boolean isDir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        TarArchiveEntry entry = new TarArchiveEntry(path.toFile(), isDir ? name + "/" : name);
        tar.putArchiveEntry(entry);
        if (!isDir) {
          Files.copy(path, tar);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  /**
   * Extracts {@code in} into {@code into} (which must be absent or empty); each file may be at most
   * {@code maxFileBytes}. All or nothing: entries go to a hidden folder beside {@code into} that
   * takes its place only once the whole archive has been read, so an archive refused halfway (an
   * escaping entry, a link, a file too big, a truncated stream) leaves nothing behind.
   */
  public static void unpack(InputStream in, Path into, long maxFileBytes) throws IOException {
    Staged.write(into, staged -> extract(in, staged, maxFileBytes));
  }

  private static void extract(InputStream in, Path into, long maxFileBytes) throws IOException {
    Files.createDirectories(into);
    try (TarArchiveInputStream tar = new TarArchiveInputStream(gunzip(in))) {
      TarArchiveEntry entry;
      while ((entry = next(tar)) != null) {
        Path target = SafePaths.resolveInside(into, entry.getName());
        if (entry.isSymbolicLink()
            || entry.isLink()
            || entry.isCharacterDevice()
            || entry.isBlockDevice()
            || entry.isFIFO()) {
          throw BacalhauException.builder(
                  ErrorCode.BAD_REQUEST,
                  "archive entry '" + entry.getName() + "' is a link or device; refusing it")
              .component("Archive")
              .build();
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          if (entry.getSize() > maxFileBytes) {
            throw tooBig(entry.getName(), maxFileBytes);
          }
          Files.createDirectories(target.getParent());
          long copied = copyBounded(tar, target, maxFileBytes);
          if (copied > maxFileBytes) {
            throw tooBig(entry.getName(), maxFileBytes);
          }
        }
      }
    }
  }

  private static long copyBounded(InputStream in, Path target, long max) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = read(in, buffer)) > 0) {
        total += n;
        if (total > max) {
          return total;
        }
        out.write(buffer, 0, n);
      }
    }
    return total;
  }

  private static InputStream gunzip(InputStream in) throws IOException {
    try {
      return new GZIPInputStream(in, 64 * 1024);
    } catch (IOException e) {
      throw corrupt(e);
    }
  }

  private static TarArchiveEntry next(TarArchiveInputStream tar) throws IOException {
    try {
      return tar.getNextEntry();
    } catch (IOException e) {
      throw corrupt(e);
    }
  }

  private static int read(InputStream in, byte[] buffer) throws IOException {
    try {
      return in.read(buffer);
    } catch (IOException e) {
      throw corrupt(e);
    }
  }

  /**
   * A read of the archive failed: the bytes are no whole .tar.gz. Said as such, since the JDK's
   * gzip stream reports an archive cut short as an EOFException with no message at all. Failures of
   * writing (a full disk) stay IOExceptions with their own message.
   */
  private static BacalhauException corrupt(IOException e) {
    String why =
        e instanceof EOFException
            ? "it ends too early"
            : e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName()
                : e.getMessage();
    return BacalhauException.builder(
            ErrorCode.BAD_REQUEST, "the archive is not a whole .tar.gz: " + why)
        .component("Archive")
        .hint("It may have been cut short or not be an archive; fetch it again.")
        .build();
  }

  private static BacalhauException tooBig(String name, long max) {
    return BacalhauException.builder(
            ErrorCode.RESOURCE_EXHAUSTED,
            "archive entry '" + name + "' is larger than the limit of " + max + " bytes")
        .component("Archive")
        .build();
  }
}
