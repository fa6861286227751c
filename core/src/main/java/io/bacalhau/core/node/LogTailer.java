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
    long outPos = tail ? size(logs.resolve("stdout")) : 0;
    long errPos = tail ? size(logs.resolve("stderr")) : 0;
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

  private static long size(Path file) {
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
