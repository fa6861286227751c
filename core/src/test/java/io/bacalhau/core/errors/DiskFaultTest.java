package io.bacalhau.core.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A full or read-only disk is recognised under the wrappers it arrives in (SQLite's result codes,
 * the system's text of an IOException) and told with a hint; anything else is left alone. The
 * served node's side of it: DataDirFullIT and DataDirReadOnlyIT in bench.
 */
class DiskFaultTest {
  @Test
  void sqliteFullAndReadOnlyAreRecognisedByTheirResultCodes() {
    // SQLITE_FULL is 13; SQLITE_READONLY_DBMOVED is 8 | (4 << 8), an extended code.
    assertEquals(
        Optional.of(DiskFault.FULL),
        DiskFault.of(new RuntimeException(new SQLException("database or disk is full", "", 13))));
    assertEquals(
        Optional.of(DiskFault.READ_ONLY),
        DiskFault.of(new SQLException("attempt to write a readonly database", "", 8 | (4 << 8))));
    assertEquals(Optional.empty(), DiskFault.of(new SQLException("busy", "", 5)));
  }

  @Test
  void ioFailuresAreRecognisedByTheSystemsTextForThem() {
    assertEquals(
        Optional.of(DiskFault.FULL),
        DiskFault.of(new UncheckedIOException(new IOException("No space left on device"))));
    assertEquals(
        Optional.of(DiskFault.READ_ONLY),
        DiskFault.of(new FileSystemException("/data/compute/x", null, "Read-only file system")));
    assertEquals(Optional.empty(), DiskFault.of(new IOException("Connection reset")));
  }

  @Test
  void theErrorNamesWhereAndSaysWhatToDo() {
    BacalhauException e = DiskFault.FULL.error("Compute", "/data/compute/executions", null);
    assertEquals("no space left on the disk of /data/compute/executions", e.getMessage());
    assertTrue(e.hint().startsWith("Free space on that disk"), e.hint());
    assertTrue(e.retryable());
    assertEquals(ErrorCode.IO_ERROR, e.code());
  }
}
