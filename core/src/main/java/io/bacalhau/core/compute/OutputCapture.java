package io.bacalhau.core.compute;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Keeps one output stream of a run: all of it (up to {@link #FILE_LIMIT}) in a file of the results
 * folder that {@code job logs --follow} can tail, and its first {@link #INLINE_LIMIT} bytes for the
 * execution record. The file is made with the first byte written, unless the results must hold it
 * from the start (they are published: an empty stdout is a file of the archive).
 */
final class OutputCapture extends OutputStream {
  static final long FILE_LIMIT = 1L << 30;
  static final int INLINE_LIMIT = 2048;

  private final ResultsFolder folder;
  private final String name;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private OutputStream file;
  private boolean closed;
  private long written;

  OutputCapture(ResultsFolder folder, String name, boolean eager) throws IOException {
    this.folder = folder;
    this.name = name;
    if (eager) {
      open();
    }
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return;
    }
    if (head.size() < INLINE_LIMIT + 1) {
      head.write(b, off, Math.min(len, INLINE_LIMIT + 1 - head.size()));
    }
    long room = FILE_LIMIT - written;
    if (room > 0 && !closed) {
      open().write(b, off, (int) Math.min(len, room));
    }
    written += len;
  }

  private OutputStream open() throws IOException {
    if (file == null) {
      file = new BufferedOutputStream(Files.newOutputStream(folder.make().resolve(name)), 8192);
    }
    return file;
  }

  @Override
  public synchronized void flush() throws IOException {
    if (file != null) {
      file.flush();
    }
  }

  /** After this, output is no longer kept in the file (nor a file made for it). */
  @Override
  public synchronized void close() throws IOException {
    closed = true;
    if (file != null) {
      file.close();
    }
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
