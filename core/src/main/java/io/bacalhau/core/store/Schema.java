package io.bacalhau.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema as numbered migrations. Each runs once, in its own transaction, and bumps
 * {@code PRAGMA user_version}; a newer process never edits an older step, it adds one.
 */
final class Schema {
  private static final List<String> MIGRATIONS =
      List.of(
          // 1: jobs (current version), every version, executions, evaluations, history, instances.
          """
          CREATE TABLE jobs (
            id TEXT PRIMARY KEY, namespace TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
            state TEXT NOT NULL, version INTEGER NOT NULL, owner TEXT NOT NULL DEFAULT '',
            create_time INTEGER NOT NULL, modify_time INTEGER NOT NULL, json TEXT NOT NULL);
          CREATE UNIQUE INDEX jobs_by_name ON jobs(namespace, name);
          CREATE INDEX jobs_by_create ON jobs(create_time);
          CREATE INDEX jobs_active ON jobs(state) WHERE state NOT IN ('Completed','Failed','Stopped');
          CREATE TABLE job_versions (
            job_id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL,
            PRIMARY KEY (job_id, version));
          CREATE TABLE executions (
            id TEXT PRIMARY KEY, job_id TEXT NOT NULL, job_version INTEGER NOT NULL,
            node_id TEXT NOT NULL, compute_state INTEGER NOT NULL, desired_state INTEGER NOT NULL,
            create_time INTEGER NOT NULL, modify_time INTEGER NOT NULL, json TEXT NOT NULL);
          CREATE INDEX executions_by_job ON executions(job_id, create_time);
          CREATE TABLE evaluations (
            id TEXT PRIMARY KEY, job_id TEXT NOT NULL, status TEXT NOT NULL,
            wait_until INTEGER NOT NULL, create_time INTEGER NOT NULL, json TEXT NOT NULL);
          CREATE INDEX evaluations_pending ON evaluations(job_id) WHERE status = 'pending';
          CREATE TABLE history (
            job_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL,
            job_version INTEGER NOT NULL, execution_id TEXT NOT NULL, time INTEGER NOT NULL,
            json TEXT NOT NULL, PRIMARY KEY (job_id, seq));
          CREATE TABLE instances (
            id TEXT PRIMARY KEY, pid INTEGER NOT NULL, started INTEGER NOT NULL);
          """,
          // 2: instances prove they make progress (epoch millis of their last heartbeat).
          """
          ALTER TABLE instances ADD COLUMN heartbeat INTEGER NOT NULL DEFAULT 0;
          """,
          // 3: the current version's labels, one row each, so job list --labels finds jobs
          // through an index instead of reading every job (filled from the jobs already stored),
          // and job list --order-by modified_at pages through an index too.
          """
          CREATE TABLE job_labels (
            job_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (job_id, key));
          CREATE INDEX job_labels_by_label ON job_labels(key, value);
          CREATE INDEX jobs_by_modify ON jobs(modify_time);
          INSERT INTO job_labels (job_id, key, value)
            SELECT j.id, l.key, CAST(l.value AS TEXT) FROM jobs j, json_each(j.json, '$.Labels') l;
          """);

  private Schema() {}

  static int latest() {
    return MIGRATIONS.size();
  }

  /**
   * Brings the schema up to date. The version is read again inside a write transaction, so two
   * processes opening a new data dir at the same moment cannot both apply the same migration.
   */
  static void migrate(Connection c) throws SQLException {
    if (version(c) == MIGRATIONS.size()) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        int current = version(c);
        if (current > MIGRATIONS.size()) {
          throw new SQLException(
              "the job store was written by a newer Bacalhau (schema "
                  + current
                  + ", this one knows "
                  + MIGRATIONS.size()
                  + ")");
        }
        for (int i = current; i < MIGRATIONS.size(); i++) {
          for (String statement : MIGRATIONS.get(i).split(";")) {
            if (!statement.isBlank()) {
              s.execute(statement);
            }
          }
          s.execute("PRAGMA user_version = " + (i + 1));
        }
        s.execute("COMMIT");
      } catch (SQLException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }

  private static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
