package io.bacalhau.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobHistoryType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes inside one transaction: a state change and the history event that explains it commit
 * together or not at all.
 */
public final class StoreTx extends StoreReader {
  // The jobs whose rows or history this transaction wrote, so that only their waiters are woken.
  private final Set<String> touchedJobs = new HashSet<>();
  private final PendingRows pending = new PendingRows();
  private final TxRecords records = new TxRecords();
  private boolean overlaying;

  StoreTx(StatementCache statements, CommittedRecords committed) {
    super(statements, committed);
  }

  /** The records this transaction wrote, in layers that follow its savepoints. */
  TxRecords records() {
    return records;
  }

  @Override
  <T> T held(RecordKind kind, String id, Class<T> type) {
    Map<String, Object> mine = records.holding(kind, id);
    return mine != null ? CommittedRecords.record(mine, id, type) : super.held(kind, id, type);
  }

  @Override
  long lastSeq(String jobId) {
    Long mine = records.lastSeq(jobId);
    return mine != null ? mine : super.lastSeq(jobId);
  }

  /**
   * The jobs written so far in this transaction (by every write that shares its commit); a write
   * that is undone leaves its jobs here, which only wakes their waiters for nothing.
   */
  public Set<String> touchedJobs() {
    return Collections.unmodifiableSet(touchedJobs);
  }

  /**
   * Runs {@code work} so that, should it throw, what it wrote is undone and the rest of the
   * transaction stays.
   */
  public <T> T undoneOnFailure(Supplier<T> work) {
    PendingRows.Snapshot before = pending.snapshot();
    update("SAVEPOINT part");
    records.begin();
    try {
      T result = work.get();
      update("RELEASE part");
      records.keep();
      return result;
    } catch (RuntimeException | Error e) {
      update("ROLLBACK TO part");
      update("RELEASE part");
      records.undo();
      // Rows the part flushed were rolled back with it; what was pending before it is again.
      pending.restore(before);
      throw e;
    }
  }

  @Override
  public Optional<Execution> execution(String id) {
    Execution put = pending.execution(id);
    return put != null ? Optional.of(put) : overlaid(() -> super.execution(id));
  }

  @Override
  public List<Execution> executions(String jobId) {
    return pending.overlay(jobId, overlaid(() -> super.executions(jobId)));
  }

  @Override
  public Optional<Evaluation> evaluation(String id) {
    Evaluation put = pending.evaluation(id);
    return put != null ? Optional.of(put) : overlaid(() -> super.evaluation(id));
  }

  /** A read by key whose pending rows the caller overlays, so nothing is flushed for it. */
  private <T> T overlaid(Supplier<T> read) {
    overlaying = true;
    try {
      return read.get();
    } finally {
      overlaying = false;
    }
  }

  /** Any other statement on a table with pending rows sees them written first. */
  @Override
  PreparedStatement prepare(String sql, Object... args) throws SQLException {
    if (!overlaying) {
      if (pending.hasExecutions() && sql.contains("executions")) {
        pending.takeExecutions().forEach(this::writeExecution);
      }
      if (pending.hasEvaluations() && sql.contains("evaluations")) {
        pending.takeEvaluations().forEach(this::writeEvaluation);
      }
    }
    return super.prepare(sql, args);
  }

  /** Writes the pending rows; the store calls it at the end of each write. */
  void flush() {
    pending.takeExecutions().forEach(this::writeExecution);
    pending.takeEvaluations().forEach(this::writeEvaluation);
  }

  /** Forgets the pending rows of a write that failed. */
  void discardPending() {
    pending.clear();
  }

  /** Stores a new job, or a new version of an existing one, as the current version. */
  public void putJob(Job job, String owner) {
    // The version being replaced keeps the state it ended in: state changes update the jobs row
    // alone (see updateJob), so its job_versions row is brought up to date only now.
    update(
        "UPDATE job_versions SET json = (SELECT json FROM jobs WHERE id = ?1)"
            + " WHERE job_id = ?1 AND version = (SELECT version FROM jobs WHERE id = ?1)",
        job.id());
    touchedJobs.add(job.id());
    String json = json(job);
    update(
        "INSERT INTO jobs (id, namespace, name, type, state, version, owner, create_time, modify_time, json)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET namespace = excluded.namespace,"
            + " name = excluded.name, type = excluded.type, state = excluded.state, version = excluded.version,"
            + " owner = excluded.owner, modify_time = excluded.modify_time, json = excluded.json",
        job.id(),
        job.namespace(),
        job.name(),
        job.type(),
        job.stateType().label(),
        job.version(),
        owner,
        job.createTime(),
        job.modifyTime(),
        json);
    update(
        "INSERT INTO job_versions (job_id, version, json) VALUES (?,?,?)"
            + " ON CONFLICT(job_id, version) DO UPDATE SET json = excluded.json",
        job.id(),
        job.version(),
        json);
    records.put(RecordKind.JOB, job.id(), new CommittedRecords.Encoded(json));
    putLabels(job);
  }

  /**
   * Keeps {@code job_labels} (what {@code job list --labels} searches) equal to the job's labels.
   */
  private void putLabels(Job job) {
    update("DELETE FROM job_labels WHERE job_id = ?", job.id());
    job.labels()
        .forEach(
            (key, value) ->
                update(
                    "INSERT INTO job_labels (job_id, key, value) VALUES (?,?,?)",
                    job.id(),
                    key,
                    value));
  }

  /**
   * Records a state change of the current version; the owner stays as it was. Only the jobs row
   * changes: the current version's job_versions row is read through it (see StoreReader).
   */
  public void updateJob(Job job) {
    touchedJobs.add(job.id());
    String json = json(job);
    update(
        "UPDATE jobs SET state = ?, modify_time = ?, json = ? WHERE id = ?",
        job.stateType().label(),
        job.modifyTime(),
        json,
        job.id());
    records.put(RecordKind.JOB, job.id(), stateChangeOf(job, json));
  }

  /**
   * What to hold for a job whose state changed: when the job held before differs from it only in
   * state, revision and modification time, the held job with those three changed, which iterates
   * its maps as its row decodes (being decoded from one); else the text, decoded when first read.
   * Each step of a job in flight changes its state, and decoding the job again was most of the cost
   * of reading it.
   */
  private Object stateChangeOf(Job job, String json) {
    Map<String, Object> holding = records.holding(RecordKind.JOB, job.id());
    Object before =
        holding != null ? holding.get(job.id()) : committed.of(RecordKind.JOB).get(job.id());
    if (before instanceof Job held && job.state().details().size() <= 1) {
      Job changed =
          held.toBuilder()
              .state(job.state())
              .revision(job.revision())
              .modifyTime(job.modifyTime())
              .build();
      if (changed.equals(job)) {
        return changed;
      }
    }
    return new CommittedRecords.Encoded(json);
  }

  /** Moves a job to a new owner if it still has the expected one; false when someone was faster. */
  public boolean transferOwnership(String jobId, String expectedOwner, String newOwner) {
    return update(
            "UPDATE jobs SET owner = ? WHERE id = ? AND owner = ?", newOwner, jobId, expectedOwner)
        == 1;
  }

  /**
   * Stores an execution. The row is written when the write ends or a statement reads the executions
   * table, whichever comes first: several steps of a job in one batch (a report from compute and
   * the evaluation it asks for) write it once.
   */
  public void putExecution(Execution e) {
    touchedJobs.add(e.jobId());
    pending.put(e);
  }

  private void writeExecution(Execution e) {
    String json = json(e);
    records.put(RecordKind.EXECUTION, e.id(), inMemory(json, e));
    update(
        "INSERT INTO executions (id, job_id, job_version, node_id, compute_state, desired_state, create_time,"
            + " modify_time, json) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
            + " compute_state = excluded.compute_state, desired_state = excluded.desired_state,"
            + " modify_time = excluded.modify_time, json = excluded.json",
        e.id(),
        e.jobId(),
        e.jobVersion(),
        e.nodeId(),
        e.computeStateType().code(),
        e.desiredStateType().code(),
        e.createTime(),
        e.modifyTime(),
        json);
  }

  /** Stores an evaluation; like an execution, its row is written once per write. */
  public void putEvaluation(Evaluation e) {
    pending.put(e);
  }

  private void writeEvaluation(Evaluation e) {
    String json = json(e);
    records.put(RecordKind.EVALUATION, e.id(), inMemory(json, e));
    update(
        "INSERT INTO evaluations (id, job_id, status, wait_until, create_time, json) VALUES (?,?,?,?,?,?)"
            + " ON CONFLICT(id) DO UPDATE SET status = excluded.status, json = excluded.json",
        e.id(),
        e.jobId(),
        e.status(),
        e.waitUntil(),
        e.createTime(),
        json);
  }

  /**
   * Cancels the job's pending evaluations (its timeout, a delayed retry): once a job is over they
   * have nothing to do, and a pending one would keep a worker waiting for it.
   */
  public void cancelPendingEvaluations(String jobId, String reason, long nanos) {
    for (Evaluation e : pendingEvaluationsOf(jobId)) {
      putEvaluation(e.withStatus(Evaluation.STATUS_CANCELED, reason, nanos));
    }
  }

  /** Appends a job-level event; returns its sequence number. */
  public JobHistory appendJobEvent(Job job, Event event) {
    return append(job.id(), job.version(), JobHistoryType.JOB_LEVEL, "", event);
  }

  /** Appends an execution-level event; returns its sequence number. */
  public JobHistory appendExecutionEvent(Execution execution, Event event) {
    return append(
        execution.jobId(),
        execution.jobVersion(),
        JobHistoryType.EXECUTION_LEVEL,
        execution.id(),
        event);
  }

  private JobHistory append(
      String jobId, long version, JobHistoryType type, String execId, Event event) {
    touchedJobs.add(jobId);
    long seq = lastSeq(jobId) + 1;
    Instant now = event.timestamp() != null ? event.timestamp() : Instant.now();
    JobHistory entry = new JobHistory(seq, type, jobId, version, execId, event, now);
    update(
        "INSERT INTO history (job_id, seq, type, job_version, execution_id, time, json) VALUES (?,?,?,?,?,?,?)",
        jobId,
        seq,
        type.label(),
        version,
        execId,
        now.toEpochMilli(),
        json(entry));
    records.lastSeq(jobId, seq);
    return entry;
  }

  void registerInstance(String id, long pid, long started, long heartbeat) {
    update(
        "INSERT OR REPLACE INTO instances (id, pid, started, heartbeat) VALUES (?,?,?,?)",
        id,
        pid,
        started,
        heartbeat);
  }

  boolean heartbeat(String id, long heartbeat) {
    return update("UPDATE instances SET heartbeat = ? WHERE id = ?", heartbeat, id) == 1;
  }

  void forgetInstance(String id, long heartbeatSeen) {
    update("DELETE FROM instances WHERE id = ? AND heartbeat = ?", id, heartbeatSeen);
  }

  void removeInstance(String id) {
    update("DELETE FROM instances WHERE id = ?", id);
  }

  private int update(String sql, Object... args) {
    try {
      return prepare(sql, args).executeUpdate();
    } catch (SQLException e) {
      throw StoreFailure.of(e);
    }
  }

  /**
   * What to hold in memory for a row just written: the record itself when it reads back as written,
   * else its text, decoded when first read (see {@link DecodedRows#written}).
   */
  private static Object inMemory(String json, Object value) {
    return DecodedRows.orderFree(value) ? value : new CommittedRecords.Encoded(json);
  }

  private static String json(Object value) {
    try {
      String json = Codecs.storeJson().writeValueAsString(value);
      DecodedRows.written(json, value);
      return json;
    } catch (JsonProcessingException e) {
      throw StoreFailure.of(e);
    }
  }
}
