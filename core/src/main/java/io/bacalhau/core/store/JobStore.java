package io.bacalhau.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The orchestrator's durable store: SQLite in WAL mode, shared safely by every process that opens
 * the same data dir. Writes go through one writer thread that commits concurrent writes together
 * ({@link GroupCommit}), and neither they nor reads wait for another caller's fsync. {@link #write}
 * returns only once its commit is on disk (the log is fsynced after it, see {@link WalSync}): what
 * it acknowledged survives a killed process and a power cut alike.
 */
public final class JobStore implements AutoCloseable {
  private final GroupCommit writer;
  private final Path file;
  private final Instances instances = new Instances(this);

  private JobStore(Path file, GroupCommit writer) {
    this.file = file;
    this.writer = writer;
  }

  /** Opens (creating and migrating when needed) the store at {@code file}. */
  public static JobStore open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Connection w = connect(file);
      try (Statement s = w.createStatement()) {
        enableWal(s);
        // Commits only write the log; WalSync fsyncs it before a durable write is acknowledged.
        s.execute("PRAGMA synchronous = NORMAL");
        // Checkpoints (copying the log into the database, with an fsync) every 16 MB of log
        // rather than SQLite's 4 MB: a job rewrites the same few pages several times, and each
        // checkpoint writes them once. Checkpoints trim the log to 32 MB.
        s.execute("PRAGMA wal_autocheckpoint = 4000");
        s.execute("PRAGMA journal_size_limit = 33554432");
      }
      Schema.migrate(w);
      return new JobStore(file, new GroupCommit(w, new WalSync(file.toAbsolutePath())));
    } catch (SQLException | java.io.IOException e) {
      throw StoreFailure.of(e);
    }
  }

  private static Connection connect(Path file) throws SQLException {
    java.util.Properties options = new java.util.Properties();
    // The driver otherwise prepares and runs "SELECT last_insert_rowid()" after every insert, for
    // generated keys nothing here asks for: about a tenth of the store's SQLite time.
    options.setProperty("jdbc.get_generated_keys", "false");
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), options);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 30000");
    }
    return c;
  }

  /**
   * Switching a new database to WAL needs a moment alone with it, and SQLite reports a clash with
   * another process doing the same as "locked" without waiting: so wait and try again, briefly.
   */
  private static void enableWal(Statement s) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        s.execute("PRAGMA journal_mode = WAL");
        return;
      } catch (SQLException e) {
        boolean busy =
            e instanceof SQLiteException se
                && se.getResultCode().code == SQLiteErrorCode.SQLITE_BUSY.code;
        if (attempt >= 50 || !busy) {
          throw e;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Runs {@code work} in a write transaction, all of it or none, and returns once that commit is on
   * disk. Writes of other threads may share the transaction; each stands or fails alone.
   */
  public <T> T write(Function<StoreTx, T> work) {
    return writer.write(work, true);
  }

  public void writeVoid(Consumer<StoreTx> work) {
    write(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  /**
   * Like {@link #write}, but returns once committed, without waiting for the disk: for the node's
   * own progress, which a power cut may undo (the job is then adopted and its execution retried, as
   * after any crash) but which no user was told is safe. The next {@link #write} syncs it.
   */
  public void update(Consumer<StoreTx> work) {
    writer.write(
        tx -> {
          work.accept(tx);
          return null;
        },
        false);
  }

  /** Runs {@code work} on a consistent snapshot. */
  public <T> T read(Function<StoreReader, T> work) {
    return writer.read(work);
  }

  /** Counts of this process's use of the store, for benchmarks and tests of group commit. */
  public record Stats(long writes, long commits, long fsyncs) {}

  public Stats stats() {
    return writer.stats();
  }

  /** The SQL this store has run so far (for checks of their query plans). */
  Set<String> sqlRun() {
    return writer.sql();
  }

  /** The processes using this store and whether they make progress. */
  public Instances instances() {
    return instances;
  }

  /** Commits the writes already queued, then closes. */
  @Override
  public void close() {
    try {
      writer.close();
    } catch (SQLException e) {
      throw StoreFailure.of(e);
    }
  }
}
