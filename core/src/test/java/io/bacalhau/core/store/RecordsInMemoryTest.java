package io.bacalhau.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.State;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store answers reads of a job in flight from memory: what another process on the same data dir
 * commits is still seen at once, and what a write undid is never seen.
 */
class RecordsInMemoryTest {
  @TempDir Path dir;

  private static Job job(JobStateType state) {
    return Job.builder()
        .id("j-1")
        .name("one")
        .type("batch")
        .count(1)
        .labels(unsorted())
        .state(State.of(state))
        .version(1)
        .createTime(1)
        .modifyTime(1)
        .build();
  }

  /** Labels in another order than the store writes them (sorted by key). */
  private static Map<String, String> unsorted() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("b", "2");
    labels.put("a", "1");
    return labels;
  }

  private static Execution execution(ExecutionStateType state) {
    return Execution.builder()
        .id("e-1")
        .namespace("default")
        .nodeId("n-1")
        .jobId("j-1")
        .jobVersion(1)
        .computeState(State.of(state))
        .revision(1)
        .createTime(1)
        .modifyTime(1)
        .build();
  }

  private static Event event(String message) {
    return Event.of("Test", message, Instant.ofEpochMilli(1));
  }

  /** Two stores on one file stand for two processes on one data dir (each its own connection). */
  @Test
  void whatAnotherProcessCommitsIsSeenAtOnce() {
    Path file = dir.resolve("jobs.db");
    try (JobStore mine = JobStore.open(file);
        JobStore other = JobStore.open(file)) {
      mine.writeVoid(
          tx -> {
            tx.putJob(job(JobStateType.PENDING), "me");
            tx.putExecution(execution(ExecutionStateType.ASK_FOR_BID));
            tx.appendJobEvent(job(JobStateType.PENDING), event("mine"));
          });
      assertEquals(JobStateType.PENDING, mine.read(r -> r.requireJob("j-1")).stateType());
      assertEquals(
          ExecutionStateType.ASK_FOR_BID,
          mine.read(r -> r.execution("e-1")).orElseThrow().computeStateType());

      other.writeVoid(
          tx -> {
            tx.updateJob(job(JobStateType.RUNNING));
            tx.putExecution(execution(ExecutionStateType.BID_ACCEPTED));
            tx.appendJobEvent(job(JobStateType.RUNNING), event("other's"));
          });

      assertEquals(JobStateType.RUNNING, mine.read(r -> r.requireJob("j-1")).stateType());
      assertEquals(
          ExecutionStateType.BID_ACCEPTED,
          mine.read(r -> r.execution("e-1")).orElseThrow().computeStateType());
      // The next event follows the other process's, rather than clashing with its number.
      JobHistory third =
          mine.write(tx -> tx.appendJobEvent(job(JobStateType.RUNNING), event("mine again")));
      assertEquals(3, third.seqNum());
    }
  }

  @Test
  void whatAFailedWriteOrAnUndonePartPutIsNotSeen() {
    try (JobStore store = JobStore.open(dir.resolve("jobs.db"))) {
      store.writeVoid(
          tx -> {
            tx.putJob(job(JobStateType.PENDING), "me");
            tx.putExecution(execution(ExecutionStateType.ASK_FOR_BID));
          });
      store.read(r -> r.requireJob("j-1"));
      assertThrows(
          IllegalStateException.class,
          () ->
              store.writeVoid(
                  tx -> {
                    tx.updateJob(job(JobStateType.FAILED));
                    tx.putExecution(execution(ExecutionStateType.FAILED));
                    tx.appendJobEvent(job(JobStateType.FAILED), event("undone"));
                    throw new IllegalStateException("boom");
                  }));
      store.writeVoid(
          tx -> {
            assertThrows(
                IllegalStateException.class,
                () ->
                    tx.undoneOnFailure(
                        () -> {
                          tx.updateJob(job(JobStateType.STOPPED));
                          tx.appendJobEvent(job(JobStateType.STOPPED), event("undone too"));
                          throw new IllegalStateException("boom");
                        }));
            assertEquals(JobStateType.PENDING, tx.requireJob("j-1").stateType());
            tx.appendJobEvent(job(JobStateType.PENDING), event("kept"));
          });
      assertEquals(JobStateType.PENDING, store.read(r -> r.requireJob("j-1")).stateType());
      assertEquals(
          ExecutionStateType.ASK_FOR_BID,
          store.read(r -> r.execution("e-1")).orElseThrow().computeStateType());
      List<JobHistory> history = store.read(r -> r.history("j-1", HistoryQuery.everything()));
      assertEquals(List.of(1L), history.stream().map(JobHistory::seqNum).toList());
      assertEquals("kept", history.get(0).event().message());
    }
  }

  /**
   * A job written, then moved to a new state, is read back as a fresh process would decode it
   * (labels sorted by key), though the records written had them in another order.
   */
  @Test
  void aJobReadFromMemoryIsTheOneItsRowDecodesTo() {
    Path file = dir.resolve("jobs.db");
    try (JobStore store = JobStore.open(file)) {
      store.writeVoid(tx -> tx.putJob(job(JobStateType.PENDING), "me"));
      assertReadAsDecoded(store, file);
      store.writeVoid(tx -> tx.updateJob(job(JobStateType.RUNNING)));
      assertEquals(JobStateType.RUNNING, assertReadAsDecoded(store, file).stateType());
    }
  }

  private static Job assertReadAsDecoded(JobStore store, Path file) {
    Job held = store.read(r -> r.requireJob("j-1"));
    try (JobStore fresh = JobStore.open(file)) {
      Job decoded = fresh.read(r -> r.requireJob("j-1"));
      assertEquals(decoded, held);
      assertEquals(List.of("a", "b"), List.copyOf(held.labels().keySet()));
    }
    return held;
  }
}
