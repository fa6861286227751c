package io.bacalhau.cli.serve;

import io.bacalhau.cli.ExitCode;
import io.bacalhau.cli.errors.CommandFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * {@code <DataDir>/serve.lock}: one {@code bacalhau serve} per data dir. The OS releases the lock
 * when the process dies, even by kill -9, so a stale file never blocks a restart; the file holds
 * the holder's PID for the error message.
 */
final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @param patience how long to wait for another holder to let go: a resident node that is
   *     replacing one still closing waits; a user's {@code serve} does not
   */
  static DataDirLock acquire(Path dataDir, Duration patience) {
    Path file = dataDir.resolve("serve.lock");
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      long deadline = System.nanoTime() + patience.toNanos();
      while (lock == null && System.nanoTime() < deadline) {
        sleep(); // a file lock has no way to wait with a deadline
        lock = channel.tryLock();
      }
      if (lock == null) {
        String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
        channel.close();
        throw new CommandFailedException(
            ExitCode.ERROR,
            "the data dir "
                + dataDir
                + " is already served by another bacalhau serve process"
                + (holder.isEmpty() ? "" : " (pid " + holder + ")"),
            "Stop that process first ('bacalhau node local stop' stops it), or serve another data"
                + " dir with --data-dir.");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)),
          0);
      return new DataDirLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file, e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the data dir lock", e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The process is ending; the OS drops the lock anyway.
    }
  }
}
