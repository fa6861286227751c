package io.bacalhau.core.node;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** Copies an execution's stdout and stderr files, and with follow keeps copying as they grow. */
final class LogTailer {
  private static final long FOLLOW_POLL_MILLIS = 100;

  private LogTailer() {}

  /**
   * @param tail start at the end of what was written so far: only new output is copied
   */
  static void copy(
      Path logs,
      boolean follow,
      boolean tail,
      BooleanSupplier finished,
      OutputStream out,
      OutputStream err)
      throws InterruptedException {
    copy(logs, tail ? -1 : 0, tail ? -1 : 0, follow, finished, out, err);
  }

  /**
   * As above, from the given byte positions of stdout and stderr (-1: their current end), so that a
   * reader whose stream broke picks up where it stopped.
   */
  static void copy(
      Path logs,
      long outFrom,
      long errFrom,
      boolean follow,
      BooleanSupplier finished,
      OutputStream out,
      OutputStream err)
      throws InterruptedException {
    long outPos = outFrom < 0 ? size(logs.resolve("stdout")) : outFrom;
    long errPos = errFrom < 0 ? size(logs.resolve("stderr")) : errFrom;
    while (true) {
      boolean done = !follow || finished.getAsBoolean();
      outPos = drain(logs.resolve("stdout"), outPos, out);
      errPos = drain(logs.resolve("stderr"), errPos, err);
      if (done) {
        return;
      }
      Thread.sleep(FOLLOW_POLL_MILLIS);
    }
  }

  /** The current length of an output file, 0 when there is none yet. */
  static long size(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static long drain(Path file, long position, OutputStream sink) {
    if (!Files.exists(file)) {
      return position;
    }
    byte[] buffer = new byte[8192];
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(position);
      int n;
      while ((n = raf.read(buffer)) > 0) {
        emit(sink, buffer, n);
        position += n;
      }
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    return position;
  }

  /** The sink's own failures stay IOExceptions (unchecked): a reader gone away, say. */
  private static void emit(OutputStream sink, byte[] buffer, int n) {
    try {
      sink.write(buffer, 0, n);
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A log file the node cannot read is the node's failure, not the reader's: told as such, so a
   * caller never takes it for the sink's own IOException (a client gone away, said nothing to).
   */
  private static BacalhauException unreadable(Path file, IOException e) {
    return BacalhauException.builder(
            ErrorCode.IO_ERROR,
            "cannot read the execution's "
                + file.getFileName()
                + " ("
                + e.getClass().getSimpleName()
                + ")")
        .component("Logs")
        .hint("Check that the node's data dir is readable and its disk healthy.")
        .build();
  }
}
