package io.bacalhau.core.spi.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {
  @TempDir Path dir;

  @Test
  void packThenUnpackGivesBackEveryFileAndEmptyFolder() throws IOException {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(results.resolve("stdout"), "out\n");
    Files.createDirectories(results.resolve("outputs/deep/er"));
    Files.writeString(results.resolve("outputs/deep/er/" + "n".repeat(150)), "long name");
    Files.createDirectories(results.resolve("empty"));
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    TarGz.pack(results, archive);

    Path back = dir.resolve("back");
    TarGz.unpack(new ByteArrayInputStream(archive.toByteArray()), back, 1 << 20);
    assertEquals("out\n", Files.readString(back.resolve("stdout")));
    assertEquals("long name", Files.readString(back.resolve("outputs/deep/er/" + "n".repeat(150))));
    assertTrue(Files.isDirectory(back.resolve("empty")));
  }

  @Test
  void symlinksInResultsAreNotFollowedIntoTheArchive() throws IOException {
    Path results = Files.createDirectories(dir.resolve("results"));
    Files.writeString(dir.resolve("secret"), "node secret");
    Files.createSymbolicLink(results.resolve("leak"), dir.resolve("secret"));
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    TarGz.pack(results, archive);
    Path back = dir.resolve("back");
    TarGz.unpack(new ByteArrayInputStream(archive.toByteArray()), back, 1 << 20);
    assertFalse(Files.exists(back.resolve("leak")));
  }

  @Test
  void entriesEscapingTheFolderAreRefused() throws IOException {
    byte[] evil = archive(file("../escaped", "boom"));
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> TarGz.unpack(new ByteArrayInputStream(evil), dir.resolve("x"), 1 << 20));
    assertTrue(e.getMessage().contains("escapes its folder"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("escaped")));
  }

  /** Entries read before the refused one once stayed behind in the target folder. */
  @Test
  void anArchiveRefusedHalfwayLeavesNothingBehind() throws IOException {
    byte[] evil =
        archive(
            file("outputs/good.txt", "fine"),
            file("stdout", "out"),
            file("outputs/../../escaped", "boom"));
    Path target = dir.resolve("x");
    assertThrows(
        BacalhauException.class,
        () -> TarGz.unpack(new ByteArrayInputStream(evil), target, 1 << 20));
    assertFalse(Files.exists(target));
    assertFalse(Files.exists(dir.resolve("escaped")));
    try (var left = Files.list(dir)) {
      assertEquals(List.of(), left.toList(), "the staging folder is removed too");
    }
  }

  @Test
  void anArchiveTooBigHalfwayLeavesAnEmptyTargetFolderEmpty() throws IOException {
    byte[] big = archive(file("a", "small"), file("b", "x".repeat(2000)));
    Path target = Files.createDirectories(dir.resolve("x"));
    assertThrows(
        BacalhauException.class, () -> TarGz.unpack(new ByteArrayInputStream(big), target, 1000));
    try (var left = Files.list(target)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void aTargetFolderThatIsNotEmptyIsNeitherMergedIntoNorOverwritten() throws IOException {
    Path target = Files.createDirectories(dir.resolve("x"));
    Files.writeString(target.resolve("a"), "mine");
    byte[] ok = archive(file("a", "theirs"));
    assertThrows(
        BacalhauException.class, () -> TarGz.unpack(new ByteArrayInputStream(ok), target, 1000));
    assertEquals("mine", Files.readString(target.resolve("a")));
  }

  @Test
  void absoluteEntriesAreRefused() throws IOException {
    byte[] evil = archive(file("/tmp/absolute-" + System.nanoTime(), "boom"));
    assertThrows(
        BacalhauException.class,
        () -> TarGz.unpack(new ByteArrayInputStream(evil), dir.resolve("x"), 1 << 20));
  }

  @Test
  void linkEntriesAreRefused() throws IOException {
    TarArchiveEntry link = new TarArchiveEntry("link", TarArchiveEntry.LF_SYMLINK);
    link.setLinkName("/etc/passwd");
    byte[] evil = archive(new Item(link, null));
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> TarGz.unpack(new ByteArrayInputStream(evil), dir.resolve("x"), 1 << 20));
    assertTrue(e.getMessage().contains("is a link or device"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("x/link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void filesOverTheLimitAreRefused() throws IOException {
    byte[] big = archive(file("big", "x".repeat(2000)));
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> TarGz.unpack(new ByteArrayInputStream(big), dir.resolve("x"), 1000));
    assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
  }

  private record Item(TarArchiveEntry entry, byte[] content) {}

  private static Item file(String name, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(bytes.length);
    return new Item(e, bytes);
  }

  /** Writes entries as given, without the checks our own packer makes. */
  private static byte[] archive(Item... items) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
      for (Item item : items) {
        tar.putArchiveEntry(item.entry());
        if (item.content() != null) {
          tar.write(item.content());
        }
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }
}
