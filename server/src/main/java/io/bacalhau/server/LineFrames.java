package io.bacalhau.server;

import io.bacalhau.core.client.api.LogFrame;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An output stream that hands on one {@link LogFrame} per line, newline included, as Bacalhau's log
 * stream does; a last line without newline goes out when the stream is closed.
 */
final class LineFrames extends OutputStream {
  private final int type;
  private final Consumer<LogFrame> sink;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LineFrames(int type, Consumer<LogFrame> sink) {
    this.type = type;
    this.sink = sink;
  }

  @Override
  public void write(int b) {
    line.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  @Override
  public void close() {
    if (line.size() > 0) {
      emit();
    }
  }

  private void emit() {
    sink.accept(LogFrame.line(type, line.toString(StandardCharsets.UTF_8)));
    line.reset();
  }
}
