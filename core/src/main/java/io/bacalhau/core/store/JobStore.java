package io.bacalhau.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The orchestrator's durable store: SQLite in WAL mode, shared safely by every process that opens
 * the same data dir. A write commits before it returns, so an acknowledged job survives a crash of
 * the process ({@code synchronous=NORMAL} in WAL mode only risks the newest commits on a power loss
 * or OS crash, never on a killed process).
 */
public final class JobStore implements AutoCloseable {
  private final Connection connection;
  private final StatementCache statements;
  private final ReentrantLock lock = new ReentrantLock();
  private final Path file;
  private final Instances instances = new Instances(this);

  private JobStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
    this.statements = new StatementCache(connection);
  }

  /** Opens (creating and migrating when needed) the store at {@code file}. */
  public static JobStore open(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 30000");
        enableWal(s);
        s.execute("PRAGMA synchronous = NORMAL");
        // Checkpoints (copying the log into the database, with an fsync) every 16 MB of log
        // rather than SQLite's 4 MB: a job rewrites the same few pages several times, and each
        // checkpoint writes them once. Commits stay as durable; checkpoints trim the log to 32 MB.
        s.execute("PRAGMA wal_autocheckpoint = 4000");
        s.execute("PRAGMA journal_size_limit = 33554432");
      }
      Schema.migrate(c);
      return new JobStore(file, c);
    } catch (SQLException | java.io.IOException e) {
      throw StoreFailure.of(e);
    }
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

  /** Runs {@code work} in one write transaction; it all commits or none of it does. */
  public <T> T write(Function<StoreTx, T> work) {
    lock.lock();
    try {
      exec("BEGIN IMMEDIATE");
      try {
        T result = work.apply(new StoreTx(statements));
        exec("COMMIT");
        return result;
      } catch (RuntimeException | Error e) {
        rollbackQuietly();
        throw e;
      }
    } finally {
      lock.unlock();
    }
  }

  public void writeVoid(Consumer<StoreTx> work) {
    write(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  /** Runs {@code work} on a consistent snapshot. */
  public <T> T read(Function<StoreReader, T> work) {
    lock.lock();
    try {
      exec("BEGIN");
      try {
        return work.apply(new StoreReader(statements));
      } finally {
        rollbackQuietly();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The SQL this store has run so far (for checks of their query plans). */
  Set<String> sqlRun() {
    lock.lock();
    try {
      return statements.sql();
    } finally {
      lock.unlock();
    }
  }

  /** The processes using this store and whether they make progress. */
  public Instances instances() {
    return instances;
  }

  private void exec(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw StoreFailure.of(e);
    }
  }

  private void rollbackQuietly() {
    try (Statement s = connection.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // Nothing open to roll back.
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      statements.close();
      connection.close();
    } catch (SQLException e) {
      throw StoreFailure.of(e);
    } finally {
      lock.unlock();
    }
  }
}
