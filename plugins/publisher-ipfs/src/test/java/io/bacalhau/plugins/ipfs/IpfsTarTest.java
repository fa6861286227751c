package io.bacalhau.plugins.ipfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalhau.core.errors.BacalhauException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a node (or something posing as one) answers to get must never land outside the target. */
class IpfsTarTest {
  @TempDir Path dir;

  private static byte[] tar(String name, String content, boolean symlink) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry entry =
          symlink
              ? new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK)
              : new TarArchiveEntry(name);
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      if (symlink) {
        entry.setLinkName("/etc/passwd");
      } else {
        entry.setSize(data.length);
      }
      out.putArchiveEntry(entry);
      if (!symlink) {
        out.write(data);
      }
      out.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void theRootEntryBecomesTheTargetAndChildrenGoBelowIt() throws Exception {
    Path file = dir.resolve("file");
    IpfsTar.extract(new ByteArrayInputStream(tar("bafyroot", "root bytes", false)), file);
    assertEquals("root bytes", Files.readString(file));
    Path folder = dir.resolve("folder");
    IpfsTar.extract(new ByteArrayInputStream(tar("bafyroot/a/b.txt", "b", false)), folder);
    assertEquals("b", Files.readString(folder.resolve("a/b.txt")));
  }

  @Test
  void escapingPathsAndLinksAreRefused() throws Exception {
    Path target = dir.resolve("target");
    assertThrows(
        BacalhauException.class,
        () ->
            IpfsTar.extract(
                new ByteArrayInputStream(tar("bafyroot/../../evil", "x", false)), target));
    assertThrows(
        BacalhauException.class,
        () -> IpfsTar.extract(new ByteArrayInputStream(tar("bafyroot/link", "", true)), target));
    assertFalse(Files.exists(dir.resolve("evil")));
    assertFalse(Files.exists(dir.getParent().resolve("evil")));
  }

  /** Entries read before the refused one once stayed behind at the target. */
  @Test
  void aTarRefusedHalfwayLeavesNothingBehind() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
      for (String name : new String[] {"bafyroot/good.txt", "bafyroot/../../evil"}) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(1);
        out.putArchiveEntry(entry);
        out.write('x');
        out.closeArchiveEntry();
      }
    }
    Path target = dir.resolve("target");
    assertThrows(
        BacalhauException.class,
        () -> IpfsTar.extract(new ByteArrayInputStream(bytes.toByteArray()), target));
    assertFalse(Files.exists(target));
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count());
    }
  }
}
