package io.bacalhau.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code <DataDir>/resident.lock}: held while a client decides whether to start a resident node and
 * while a resident node decides to stop, so that two commands racing to start one end up with one
 * node, and no client picks a node that has just decided to go. The OS drops it when its holder
 * dies. Threads of one JVM queue on a lock of their own first: a file lock is held per process.
 */
final class StartLock implements AutoCloseable {
  private static final ReentrantLock IN_PROCESS = new ReentrantLock();

  private final FileChannel channel;
  private final FileLock lock;

  private StartLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static StartLock acquire(Path dataDir) {
    Path file = dataDir.resolve("resident.lock");
    IN_PROCESS.lock();
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new StartLock(channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      IN_PROCESS.unlock();
      throw new UncheckedIOException("cannot lock " + file, e);
    } catch (RuntimeException e) {
      IN_PROCESS.unlock();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // The OS drops the lock with the channel, or with the process.
    } finally {
      IN_PROCESS.unlock();
    }
  }
}
