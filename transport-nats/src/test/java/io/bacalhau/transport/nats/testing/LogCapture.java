package io.bacalhau.transport.nats.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Collects what the loggers print (slf4j-simple writes to whatever System.err is at each line)
 * while still passing it through, so a test can assert that a dropped message was logged.
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  public LogCapture() {
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (captured) {
              captured.write(b);
              captured.notifyAll();
            }
            original.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            synchronized (captured) {
              captured.write(b, off, len);
              captured.notifyAll();
            }
            original.write(b, off, len);
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  public String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  /** Waits until the log holds {@code fragment} (woken by each write); true if it came. */
  public boolean awaitLine(String fragment, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (captured) {
      while (!captured.toString(StandardCharsets.UTF_8).contains(fragment)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        captured.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
