package io.bacalhau.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The store's writes, committed in groups. A caller queues its write and takes the commit lock;
 * whoever holds it commits everything queued in one transaction, so writes that arrive while a
 * commit runs share the next one instead of taking turns for one each. A caller whose write an
 * earlier holder already committed just returns. No thread of its own: an uncontended write is
 * committed by its caller, with no hand-off. Each write runs in a savepoint: one that throws is
 * undone alone, and only its caller sees the error.
 */
final class GroupCommit implements AutoCloseable {
  private static final int MAX_BATCH = 512;

  private final Connection connection;
  private final StatementCache statements;
  // BEGIN, COMMIT, SAVEPOINT...: a plain statement, prepared again at each run. A prepared one
  // kept for reuse dies with its first failure (the driver closes it when a COMMIT meets a full
  // disk, say), and every later transaction then failed with "statement is not executing".
  private final Statement control;
  private final CommittedRecords committed = new CommittedRecords();
  private final WalSync walSync;
  private final ConcurrentLinkedQueue<Write<?>> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock commitLock = new ReentrantLock();
  private volatile long commits; // written under commitLock
  private volatile long writes; // written under commitLock
  private boolean closed; // guarded by commitLock

  /** One caller's write and its outcome, set by whoever committed it. */
  private static final class Write<T> {
    final Function<StoreTx, T> work;
    volatile boolean done;
    T result;
    Throwable failure;
    long commit;

    Write(Function<StoreTx, T> work) {
      this.work = work;
    }
  }

  GroupCommit(Connection connection, WalSync walSync) throws SQLException {
    this.connection = connection;
    this.walSync = walSync;
    this.statements = new StatementCache(connection);
    this.control = connection.createStatement();
  }

  /**
   * Runs {@code work} in a commit and returns once it is committed; with {@code durable}, once that
   * commit is on disk too ({@link WalSync}). A commit is seen by every reader and survives a killed
   * process as soon as it is made; the disk has it after the next sync.
   */
  <T> T write(Function<StoreTx, T> work, boolean durable) {
    if (commitLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("a store write inside a store write would wait for itself");
    }
    Write<T> w = new Write<>(work);
    queue.add(w);
    commitLock.lock();
    try {
      if (!w.done) {
        commitQueued();
      }
    } finally {
      commitLock.unlock();
    }
    if (w.failure == null && durable) {
      w.failure = walSync.syncThrough(w.commit);
    }
    if (w.failure instanceof Error e) {
      throw e;
    }
    if (w.failure != null) {
      throw (RuntimeException) w.failure;
    }
    return w.result;
  }

  /**
   * Runs {@code work} on a consistent snapshot, on the writer's connection between two commits: a
   * connection of its own would find its page cache stale after every commit and read it again. It
   * never waits for an fsync, only for a commit in progress.
   */
  <T> T read(Function<StoreReader, T> work) {
    commitLock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the job store is closed");
      }
      exec("BEGIN");
      try {
        committed.validate(dataVersion());
        return work.apply(new StoreReader(statements, committed));
      } finally {
        rollbackQuietly();
      }
    } finally {
      commitLock.unlock();
    }
  }

  private void commitQueued() {
    List<Write<?>> batch = new ArrayList<>();
    for (Write<?> w = queue.poll(); w != null; w = batch.size() < MAX_BATCH ? queue.poll() : null) {
      batch.add(w);
    }
    if (closed) {
      finish(batch, new IllegalStateException("the job store is closed"));
      return;
    }
    try {
      exec("BEGIN IMMEDIATE");
      committed.validate(dataVersion());
      StoreTx tx = new StoreTx(statements, committed);
      if (batch.size() == 1) {
        // Alone in its commit, a write needs no savepoint: should it fail, nothing is committed.
        applyAlone(batch.get(0), tx);
      } else {
        for (Write<?> w : batch) {
          apply(w, tx);
        }
      }
      if (batch.size() == 1 && batch.get(0).failure != null) {
        exec("ROLLBACK");
        finish(batch, null);
        return;
      }
      exec("COMMIT");
      tx.records().committedTo(committed);
    } catch (RuntimeException | Error e) {
      // The commit failed, or undoing one write did: none of the batch is stored, and every
      // caller must hear so (a write left unfinished would look like a success).
      rollbackQuietly();
      finish(batch, e);
      return;
    }
    commits++;
    writes += batch.size();
    walSync.committed(commits);
    for (Write<?> w : batch) {
      w.commit = commits;
    }
    finish(batch, null);
  }

  private static <T> void run(Write<T> w, StoreTx tx) {
    w.result = w.work.apply(tx);
  }

  private void apply(Write<?> w, StoreTx tx) {
    exec("SAVEPOINT write");
    tx.records().begin();
    try {
      run(w, tx);
      tx.flush();
      exec("RELEASE write");
      tx.records().keep();
    } catch (RuntimeException | Error e) {
      tx.discardPending();
      tx.records().undo();
      exec("ROLLBACK TO write");
      exec("RELEASE write");
      w.failure = e;
    }
  }

  private void applyAlone(Write<?> w, StoreTx tx) {
    try {
      run(w, tx);
      tx.flush();
    } catch (RuntimeException | Error e) {
      tx.discardPending();
      w.failure = e;
    }
  }

  /** Marks the batch done; {@code failure}, when set, fails the writes that had not failed yet. */
  private static void finish(List<Write<?>> batch, Throwable failure) {
    for (Write<?> w : batch) {
      if (failure != null && w.failure == null) {
        w.failure = failure;
      }
      w.done = true;
    }
  }

  private void exec(String sql) {
    try {
      control.execute(sql);
    } catch (SQLException e) {
      throw StoreFailure.of(e);
    }
  }

  /**
   * SQLite's count of commits by other connections (other processes on the data dir): when it
   * moves, the records held in memory may be stale.
   */
  private long dataVersion() {
    try (var rs = control.executeQuery("PRAGMA data_version")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw StoreFailure.of(e);
    }
  }

  private void rollbackQuietly() {
    try {
      control.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // Nothing open to roll back.
    }
  }

  /** How many writes and commits were made so far, and how many fsyncs they cost. */
  JobStore.Stats stats() {
    return new JobStore.Stats(writes, commits, walSync.syncs());
  }

  /** The SQL run so far. */
  Set<String> sql() {
    return statements.sql();
  }

  /** Commits what is queued, then closes the connection; later writes fail. */
  @Override
  public void close() throws SQLException {
    commitLock.lock();
    try {
      if (!closed) {
        commitQueued();
        closed = true;
        walSync.close();
        statements.close();
        control.close();
        connection.close();
      }
    } finally {
      commitLock.unlock();
    }
  }
}
