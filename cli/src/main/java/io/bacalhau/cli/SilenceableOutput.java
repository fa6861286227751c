package io.bacalhau.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;

/**
 * A command's output stream that can be switched off for good. When the process is being stopped
 * while a command runs, whatever the command prints afterwards (an error from its node closing
 * under it) would only bury the one line that says what became of the job.
 */
final class SilenceableOutput extends FilterOutputStream {
  private final PrintStream stream;
  private volatile boolean silent;

  SilenceableOutput(PrintStream target) {
    super(target);
    this.stream = new PrintStream(this, true, target.charset());
  }

  /** The stream commands print to. */
  PrintStream stream() {
    return stream;
  }

  /** From now on nothing written reaches the target. */
  void silence() {
    silent = true;
  }

  @Override
  public void write(int b) throws IOException {
    if (!silent) {
      out.write(b);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (!silent) {
      out.write(b, off, len);
    }
  }

  @Override
  public void flush() throws IOException {
    if (!silent) {
      out.flush();
    }
  }
}
