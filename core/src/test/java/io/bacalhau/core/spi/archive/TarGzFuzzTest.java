package io.bacalhau.core.spi.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bacalhau.core.errors.BacalhauException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jazzer target for unpacking a downloaded result archive ({@code job get}, a URL input): the input
 * is taken as the .tar.gz itself and, so that the fuzzer reaches the tar headers without first
 * forging a gzip CRC, as a tar gzipped here. "Clear" here: a {@link BacalhauException} or an {@link
 * IOException} (unpack's declared failure) with a message. Either way nothing may be written
 * outside the target folder, no link may appear, no file may exceed the limit, and a refused
 * archive leaves nothing behind.
 */
class TarGzFuzzTest {
  private static final long MAX_FILE = 4096;

  @TempDir static Path root;

  @FuzzTest(maxDuration = "30s")
  void anyArchiveUnpacksInsideItsFolderOrIsRefused(byte[] input) throws IOException {
    unpackChecked(input);
    unpackChecked(gzip(input));
  }

  private static void unpackChecked(byte[] archive) throws IOException {
    Path work = Files.createTempDirectory(root, "run");
    Path into = work.resolve("into");
    try {
      TarGz.unpack(new ByteArrayInputStream(archive), into, MAX_FILE);
      try (Stream<Path> all = Files.walk(into)) {
        for (Path p : all.toList()) {
          assertFalse(Files.isSymbolicLink(p), () -> "link unpacked: " + p);
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            assertTrue(Files.size(p) <= MAX_FILE, () -> "file over the limit: " + p);
          }
        }
      }
    } catch (BacalhauException | IOException e) {
      assertNotNull(e.getMessage(), () -> "no message: " + e);
      assertFalse(e.getMessage().isBlank());
      assertFalse(Files.exists(into), "a refused archive left " + into);
    }
    try (Stream<Path> all = Files.list(work)) {
      // Only the target may remain: no staging folder, no file beside it.
      assertTrue(all.allMatch(p -> p.equals(into)), "left beside the target");
    }
    deleteTree(work);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
