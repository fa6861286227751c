package io.bacalhau.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalhau.core.client.ExecutionQuery;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.Times;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads of the store, valid inside one read or write transaction. */
public class StoreReader {
  static final String COMPONENT = "JobStore";

  private final StatementCache statements;
  final CommittedRecords committed;

  StoreReader(StatementCache statements, CommittedRecords committed) {
    this.statements = statements;
    this.committed = committed;
  }

  public Optional<Job> job(String id) {
    return byId(RecordKind.JOB, id, Job.class, "SELECT json FROM jobs WHERE id = ?");
  }

  /**
   * The record of this ID: the one held in memory, or else read (and then held). Reads outside a
   * write see committed rows only, and a write's own reads see its records first (see StoreTx), so
   * what is read from SQL here is the committed row.
   */
  <T> Optional<T> byId(RecordKind kind, String id, Class<T> type, String sql) {
    T held = held(kind, id, type);
    if (held != null) {
      return Optional.of(held);
    }
    Optional<T> read = one(sql, type, id);
    read.ifPresent(r -> committed.of(kind).put(id, r));
    return read;
  }

  /** The record held in memory for this ID, null when none is. */
  <T> T held(RecordKind kind, String id, Class<T> type) {
    return CommittedRecords.record(committed.of(kind), id, type);
  }

  public Job requireJob(String id) {
    return job(id).orElseThrow(() -> notFound(id));
  }

  /** The job of this exact name in the namespace (an index lookup). */
  public Optional<Job> jobByName(String name, String namespace) {
    String ns = namespace == null || namespace.isBlank() ? Job.DEFAULT_NAMESPACE : namespace;
    return one("SELECT json FROM jobs WHERE namespace = ? AND name = ?", Job.class, ns, name);
  }

  /** A job by name (tried first), full ID, or unique ID prefix such as {@code j-47805f5c}. */
  public Job resolveJob(String idOrName, String namespace) {
    Optional<Job> byName = jobByName(idOrName, namespace);
    if (byName.isPresent()) {
      return byName.get();
    }
    Optional<Job> exact = job(idOrName);
    if (exact.isPresent()) {
      return exact.get();
    }
    // A range on the primary key finds the prefix without reading every job (LIKE would). IDs
    // are lower case, so a prefix typed in capitals finds them too.
    String prefix = idOrName.toLowerCase(Locale.ROOT);
    List<Job> matches =
        list(
            "SELECT json FROM jobs WHERE id >= ? AND id < ? LIMIT 2",
            Job.class,
            prefix,
            prefix + Character.MAX_VALUE);
    if (matches.size() > 1) {
      throw BacalhauException.builder(
              ErrorCode.MULTIPLE_JOBS_FOUND, "multiple jobs found for id " + idOrName)
          .component(COMPONENT)
          .hint("Use more characters of the ID, or the full ID.")
          .build();
    }
    return matches.stream().findFirst().orElseThrow(() -> notFound(idOrName));
  }

  /** A page of jobs, as {@code job list} asks for it (labels through their index). */
  public List<Job> jobs(JobQuery query) {
    JobListSql q = JobListSql.of(query);
    return list(q.sql, Job.class, q.args);
  }

  /**
   * Every stored version of a job, oldest first. The current one is read from the jobs row, which
   * alone follows its state changes.
   */
  public List<Job> versions(String jobId) {
    List<Job> versions =
        new ArrayList<>(
            list(
                "SELECT json FROM job_versions WHERE job_id = ? ORDER BY version",
                Job.class,
                jobId));
    job(jobId)
        .ifPresent(
            current -> versions.replaceAll(v -> v.version() == current.version() ? current : v));
    return versions;
  }

  public Optional<Job> jobVersion(String jobId, long version) {
    Optional<Job> current = job(jobId).filter(j -> j.version() == version);
    if (current.isPresent()) {
      return current;
    }
    return one(
        "SELECT json FROM job_versions WHERE job_id = ? AND version = ?",
        Job.class,
        jobId,
        version);
  }

  /**
   * Jobs not yet Completed, Failed or Stopped, oldest first. Every command asks (is work left
   * behind?), so it must not read the whole table: the partial index holds only these jobs, and
   * SQLite would walk every job in creation order instead were the ordering asked of it.
   */
  public List<Job> activeJobs() {
    return byCreation(unfinishedJobs());
  }

  private List<Job> unfinishedJobs() {
    return list(
        "SELECT json FROM jobs WHERE state NOT IN ('Completed','Failed','Stopped')", Job.class);
  }

  /**
   * Jobs that still have work, oldest first: active ones, and stopped ones whose stop was not yet
   * carried out (a pending evaluation). Both come from partial indexes.
   */
  public List<Job> jobsWithWork() {
    Map<String, Job> jobs = new LinkedHashMap<>();
    unfinishedJobs().forEach(j -> jobs.put(j.id(), j));
    // A finished job's evaluation is work only once due (a stop to carry out): one due far ahead
    // (the timeout of a job that completed) must not keep a worker waiting for it.
    list(
            "SELECT j.json FROM evaluations e JOIN jobs j ON j.id = e.job_id"
                + " WHERE e.status = 'pending' AND e.wait_until <= ?",
            Job.class,
            Times.nanos(Instant.now()))
        .forEach(j -> jobs.putIfAbsent(j.id(), j));
    return byCreation(new ArrayList<>(jobs.values()));
  }

  private static List<Job> byCreation(List<Job> jobs) {
    jobs.sort(Comparator.comparingLong(Job::createTime).thenComparing(Job::id));
    return jobs;
  }

  public String owner(String jobId) {
    return scalar("SELECT owner FROM jobs WHERE id = ?", jobId);
  }

  public List<Execution> executions(String jobId) {
    return list(
        "SELECT json FROM executions WHERE job_id = ? ORDER BY create_time, id",
        Execution.class,
        jobId);
  }

  public Optional<Execution> execution(String id) {
    return byId(
        RecordKind.EXECUTION, id, Execution.class, "SELECT json FROM executions WHERE id = ?");
  }

  public Optional<Evaluation> evaluation(String id) {
    return byId(
        RecordKind.EVALUATION, id, Evaluation.class, "SELECT json FROM evaluations WHERE id = ?");
  }

  /** Pending evaluations of the given jobs' owner, oldest first. */
  public List<Evaluation> pendingEvaluations(String owner) {
    return list(
        "SELECT e.json FROM evaluations e JOIN jobs j ON j.id = e.job_id"
            + " WHERE e.status = 'pending' AND j.owner = ? ORDER BY e.create_time",
        Evaluation.class,
        owner);
  }

  /**
   * When a version of a job was submitted (its first history entry), in nanoseconds; the job's
   * creation when the version has no history.
   */
  public long versionSubmitted(String jobId, long version) {
    String millis =
        scalar(
            "SELECT time FROM history WHERE job_id = ? AND job_version = ? ORDER BY seq LIMIT 1",
            jobId,
            version);
    if (millis == null) {
      return job(jobId).map(Job::createTime).orElse(0L);
    }
    return Times.nanos(Instant.ofEpochMilli(Long.parseLong(millis)));
  }

  /** One job's pending evaluations. */
  public List<Evaluation> pendingEvaluationsOf(String jobId) {
    return list(
        "SELECT json FROM evaluations WHERE job_id = ? AND status = 'pending'",
        Evaluation.class,
        jobId);
  }

  public List<JobHistory> history(String jobId, HistoryQuery query) {
    long version = query.jobVersion();
    if (!query.allVersions() && version == 0) {
      version = job(jobId).map(Job::version).orElse(0L);
    }
    StringBuilder sql = new StringBuilder("SELECT json FROM history WHERE job_id = ?");
    List<Object> args = new ArrayList<>(List.of(jobId));
    if (query.afterSeq() > 0) {
      sql.append(query.reverse() ? " AND seq < ?" : " AND seq > ?");
      args.add(query.afterSeq());
    }
    if (!query.allVersions()) {
      sql.append(" AND job_version = ?");
      args.add(version);
    }
    switch (query.eventType()) {
      case "job" -> sql.append(" AND type = 'JobLevel'");
      case "execution" -> sql.append(" AND type = 'ExecutionLevel'");
      default -> {}
    }
    if (!query.executionIdPrefix().isBlank()) {
      sql.append(" AND execution_id LIKE ? ESCAPE '\\'");
      args.add(likePrefix(query.executionIdPrefix()));
    }
    sql.append(query.reverse() ? " ORDER BY seq DESC" : " ORDER BY seq");
    if (query.limit() > 0) {
      sql.append(" LIMIT ?");
      args.add(query.limit());
    }
    return list(sql.toString(), JobHistory.class, args.toArray());
  }

  /** A page of a job's executions ({@code job executions}), from the job's index. */
  public List<Execution> executions(String jobId, ExecutionQuery query) {
    StringBuilder sql = new StringBuilder("SELECT json FROM executions WHERE job_id = ?");
    List<Object> args = new ArrayList<>(List.of(jobId));
    if (!query.allVersions()) {
      sql.append(" AND job_version = ?");
      args.add(
          query.jobVersion() > 0 ? query.jobVersion() : job(jobId).map(Job::version).orElse(0L));
    }
    String direction = query.reverse() ? " DESC" : "";
    sql.append(" ORDER BY ")
        .append("modified_at".equals(query.orderBy()) ? "modify_time" : "create_time")
        .append(direction)
        .append(", id")
        .append(direction)
        .append(" LIMIT ? OFFSET ?");
    args.add(query.limit() <= 0 ? -1 : query.limit());
    args.add(query.offset());
    return list(sql.toString(), Execution.class, args.toArray());
  }

  long lastSeq(String jobId) {
    Long held = committed.lastSeqs().get(jobId);
    if (held != null) {
      return held;
    }
    String value = scalar("SELECT COALESCE(MAX(seq), 0) FROM history WHERE job_id = ?", jobId);
    long seq = Long.parseLong(value);
    committed.lastSeqs().put(jobId, seq);
    return seq;
  }

  static BacalhauException notFound(String id) {
    return BacalhauException.builder(ErrorCode.NOT_FOUND, "job not found: " + id)
        .component(COMPONENT)
        .hint("Check the ID with 'bacalhau job list'.")
        .build();
  }

  private static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  String scalar(String sql, Object... args) {
    try (ResultSet rs = prepare(sql, args).executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw StoreFailure.of(e);
    }
  }

  <T> Optional<T> one(String sql, Class<T> type, Object... args) {
    List<T> all = list(sql, type, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  <T> List<T> list(String sql, Class<T> type, Object... args) {
    try (ResultSet rs = prepare(sql, args).executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(DecodedRows.decode(rs.getString(1), type));
      }
      return out;
    } catch (SQLException e) {
      throw StoreFailure.of(e);
    } catch (JsonProcessingException e) {
      throw StoreFailure.of(e);
    }
  }

  /** A cached statement with its arguments bound; close its result set, not the statement. */
  PreparedStatement prepare(String sql, Object... args) throws SQLException {
    return statements.bind(sql, args);
  }
}
