package io.bacalhau.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements of one connection, kept for reuse: the store runs the same few dozen
 * statements all the time, and preparing them again costs more than running them. Used by one
 * thread at a time (the writer, or a reader under the store's read lock), so no two threads share a
 * statement at once; the map is concurrent only so tests may list the SQL run.
 */
final class StatementCache implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new ConcurrentHashMap<>();

  StatementCache(Connection connection) {
    this.connection = connection;
  }

  /** The statement for {@code sql} with {@code args} bound; callers close its result sets only. */
  PreparedStatement bind(String sql, Object... args) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    try {
      bindAll(ps, args);
    } catch (SQLException dead) {
      // The driver closes a statement whose run failed (a full disk, say) without marking it
      // closed: it is prepared again, or every later use would fail "statement is not executing".
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
      bindAll(ps, args);
    }
    return ps;
  }

  // No clearParameters: a statement's text fixes how many parameters it has, and every use binds
  // them all, so each binding is overwritten (clearing was a native call per statement).
  private static void bindAll(PreparedStatement ps, Object[] args) throws SQLException {
    if (args.length == 0) {
      ps.clearParameters(); // binds nothing, but fails on a dead statement as a binding does
    }
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  /** The SQL of every statement prepared so far (for checks of their query plans). */
  Set<String> sql() {
    return Set.copyOf(statements.keySet());
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : statements.values()) {
      ps.close();
    }
    statements.clear();
  }
}
