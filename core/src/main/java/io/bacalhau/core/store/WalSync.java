package io.bacalhau.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes commits durable by fsyncing the store's write-ahead log after them. The writer commits with
 * {@code synchronous=NORMAL} (into the log, no fsync) and a caller that was promised durability
 * asks for a sync through its commit before it returns: what {@code synchronous=FULL} promises, but
 * the writer goes on committing while the disk works, and since the log is only appended to, one
 * fsync covers every commit made before it started, so callers waiting together share it.
 */
final class WalSync implements AutoCloseable {
  private final Path wal;
  private final ReentrantLock syncLock = new ReentrantLock();
  private volatile long committed; // the newest commit made
  private long synced; // the newest commit on disk; guarded by syncLock
  private FileChannel channel; // guarded by syncLock
  private volatile long syncs;

  WalSync(Path database) {
    this.wal = database.resolveSibling(database.getFileName() + "-wal");
  }

  /** Called by the writer after each commit, in order. */
  void committed(long commit) {
    committed = commit;
  }

  /** Returns once commit number {@code commit} is on disk; the failure when the fsync failed. */
  RuntimeException syncThrough(long commit) {
    syncLock.lock();
    try {
      if (synced >= commit) {
        return null; // someone else's fsync, started after that commit, covered it
      }
      long target = committed;
      if (channel == null) {
        channel = FileChannel.open(wal, StandardOpenOption.WRITE);
      }
      channel.force(true);
      syncs++;
      synced = target;
      return null;
    } catch (IOException | RuntimeException e) {
      closeChannel(); // opened afresh next time
      return StoreFailure.of(e);
    } finally {
      syncLock.unlock();
    }
  }

  long syncs() {
    return syncs;
  }

  private void closeChannel() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // Only an fsync's result matters, and each one was reported.
    } finally {
      channel = null;
    }
  }

  @Override
  public void close() {
    syncLock.lock();
    try {
      closeChannel();
    } finally {
      syncLock.unlock();
    }
  }
}
