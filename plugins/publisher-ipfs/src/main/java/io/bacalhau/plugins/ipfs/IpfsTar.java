package io.bacalhau.plugins.ipfs;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.archive.SafePaths;
import io.bacalhau.core.spi.archive.Staged;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks the tar a node answers {@code get} with. Its first path component is the CID; that root
 * lands at {@code dest} (a file or a folder) and nothing may land outside it. All or nothing: a tar
 * refused halfway leaves nothing at {@code dest}.
 */
final class IpfsTar {
  private IpfsTar() {}

  static void extract(InputStream in, Path dest) throws IOException {
    Staged.write(dest, staged -> extractInto(in, staged));
  }

  private static void extractInto(InputStream in, Path dest) throws IOException {
    boolean any = false;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName();
        int slash = name.indexOf('/');
        String rest = slash < 0 ? "" : name.substring(slash + 1);
        if (entry.isSymbolicLink() || entry.isLink() || !(entry.isFile() || entry.isDirectory())) {
          throw BacalhauException.builder(
                  ErrorCode.BAD_REQUEST,
                  "IPFS entry '" + name + "' is a link or device; refusing it")
              .component("IPFS")
              .failsExecution(true)
              .build();
        }
        Path target = rest.isEmpty() ? dest : SafePaths.resolveInside(dest, rest);
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        }
        any = true;
      }
    }
    if (!any) {
      throw BacalhauException.builder(ErrorCode.NOT_FOUND, "the node returned nothing for the CID")
          .component("IPFS")
          .build();
    }
  }
}
