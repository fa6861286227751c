package io.bacalhau.core.compute;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps one output stream of a run: all of it (up to {@link #FILE_LIMIT}) in a file that {@code job
 * logs --follow} can tail, and its first {@link #INLINE_LIMIT} bytes for the execution record.
 */
final class OutputCapture extends OutputStream {
  static final long FILE_LIMIT = 1L << 30;
  static final int INLINE_LIMIT = 2048;

  private final OutputStream file;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private long written;

  OutputCapture(Path path) throws IOException {
    this.file = new BufferedOutputStream(Files.newOutputStream(path), 8192);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    if (head.size() < INLINE_LIMIT + 1) {
      head.write(b, off, Math.min(len, INLINE_LIMIT + 1 - head.size()));
    }
    long room = FILE_LIMIT - written;
    if (room > 0) {
      file.write(b, off, (int) Math.min(len, room));
    }
    written += len;
  }

  @Override
  public synchronized void flush() throws IOException {
    file.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    file.close();
  }

  /** The first 2 KB as text. */
  synchronized String inline() {
    byte[] bytes = head.toByteArray();
    int n = Math.min(bytes.length, INLINE_LIMIT);
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  synchronized boolean truncated() {
    return written > INLINE_LIMIT;
  }
}
