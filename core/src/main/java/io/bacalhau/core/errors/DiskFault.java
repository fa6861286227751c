package io.bacalhau.core.errors;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Recognises a full or read-only disk under a failure, so that the node says which, where, and what
 * brings it back, instead of a bare "No space left on device" or an SQLite result code. Both faults
 * end when an operator frees space or remounts: the error is retryable, and the jobs it failed are
 * tried again.
 */
public enum DiskFault {
  FULL(
      "no space left on the disk of %s",
      "Free space on that disk: the node retries the affected jobs, and takes new ones, as soon as"
          + " there is room."),
  READ_ONLY(
      "%s is on a read-only file system",
      "Remount it read-write (or start the node with another --data-dir): the node retries the"
          + " affected jobs as soon as it can write again.");

  // SQLite's primary result codes (the low byte of an extended code).
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_FULL = 13;

  private final String message;
  private final String hint;

  DiskFault(String message, String hint) {
    this.message = message;
    this.hint = hint;
  }

  /**
   * The disk fault behind {@code failure} or one of its causes. Java gives no errno for a failed
   * write, only the system's text for it, so an IOException is recognised by that text (Linux's
   * strerror); SQLite's failures by their result code.
   */
  public static Optional<DiskFault> of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        int primary = sql.getErrorCode() & 0xff;
        if (primary == SQLITE_FULL) {
          return Optional.of(FULL);
        }
        if (primary == SQLITE_READONLY) {
          return Optional.of(READ_ONLY);
        }
      }
      if (t instanceof IOException io) {
        String text = io instanceof FileSystemException fs ? fs.getReason() : io.getMessage();
        if (text != null && text.contains("No space left on device")) {
          return Optional.of(FULL);
        }
        if (text != null && text.contains("Read-only file system")) {
          return Optional.of(READ_ONLY);
        }
      }
    }
    return Optional.empty();
  }

  /** The error to report: {@code where} names the folder or file the node failed to write. */
  public BacalhauException error(String component, String where, Throwable cause) {
    return BacalhauException.builder(ErrorCode.IO_ERROR, String.format(message, where))
        .component(component)
        .hint(hint)
        .retryable(true)
        .cause(cause)
        .build();
  }
}
