package io.bacalhau.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.State;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that puts the same execution or evaluation several times (a report from compute, then the
 * evaluation it asked for) writes its row once, and every read in the transaction still sees the
 * last put.
 */
class CoalescedRowsTest {
  @TempDir Path dir;

  private static Execution execution(String id, long created) {
    return Execution.builder()
        .id(id)
        .namespace("default")
        .nodeId("n-1")
        .jobId("j-1")
        .jobVersion(1)
        .computeState(State.of(ExecutionStateType.ASK_FOR_BID))
        .revision(1)
        .createTime(created)
        .modifyTime(created)
        .build();
  }

  private static Evaluation evaluation(String id) {
    return new Evaluation(
        id, "default", "j-1", Evaluation.TRIGGER_EXEC_UPDATE, 0, "batch", "pending", "", 0, 1, 1);
  }

  /** Each put was an INSERT ... ON CONFLICT with its JSON encoded again: 5 rows a step. */
  @Test
  void anExecutionAndAnEvaluationPutTwiceInOneWriteAreWrittenOnce() throws Exception {
    try (JobStore store = JobStore.open(dir.resolve("jobs.db"))) {
      long changes =
          store.write(
              tx -> {
                long before = changes(tx);
                Execution e = execution("e-1", 1);
                tx.putExecution(e);
                tx.putEvaluation(evaluation("v-1"));
                tx.putExecution(
                    e.withComputeState(State.of(ExecutionStateType.BID_ACCEPTED)).touched(2, 2));
                tx.putEvaluation(evaluation("v-1").withStatus(Evaluation.STATUS_COMPLETE, "", 2));
                tx.flush();
                return changes(tx) - before;
              });
      assertEquals(2, changes);
      Execution stored = store.read(r -> r.execution("e-1")).orElseThrow();
      assertEquals(ExecutionStateType.BID_ACCEPTED, stored.computeStateType());
      assertEquals(2, stored.revision());
      assertEquals(
          Evaluation.STATUS_COMPLETE, store.read(r -> r.evaluation("v-1")).orElseThrow().status());
    }
  }

  @Test
  void readsInTheWriteSeeWhatWasPutBeforeItIsWritten() throws Exception {
    try (JobStore store = JobStore.open(dir.resolve("jobs.db"))) {
      store.writeVoid(tx -> tx.putExecution(execution("e-1", 1)));
      store.writeVoid(
          tx -> {
            tx.putExecution(execution("e-2", 2));
            tx.putExecution(
                execution("e-1", 1).withComputeState(State.of(ExecutionStateType.BID_ACCEPTED)));
            List<Execution> byKey = tx.executions("j-1");
            assertEquals(List.of("e-1", "e-2"), byKey.stream().map(Execution::id).toList());
            assertEquals(ExecutionStateType.BID_ACCEPTED, byKey.get(0).computeStateType());
            assertEquals(
                ExecutionStateType.BID_ACCEPTED,
                tx.execution("e-1").orElseThrow().computeStateType());
            // Any other query of the table sees the rows written first.
            assertEquals("2", tx.scalar("SELECT count(*) FROM executions"));
          });
    }
  }

  @Test
  void aFailedPartLeavesWhatWasPutBeforeItAndNothingOfItsOwn() throws Exception {
    try (JobStore store = JobStore.open(dir.resolve("jobs.db"))) {
      store.writeVoid(
          tx -> {
            tx.putExecution(execution("e-1", 1));
            assertThrows(
                IllegalStateException.class,
                () ->
                    tx.undoneOnFailure(
                        () -> {
                          tx.putExecution(execution("e-1", 1).touched(2, 2));
                          tx.putExecution(execution("e-2", 2));
                          tx.scalar("SELECT count(*) FROM executions"); // flushes both
                          throw new IllegalStateException("the pass failed");
                        }));
          });
      List<Execution> stored = store.read(r -> r.executions("j-1"));
      assertEquals(List.of("e-1"), stored.stream().map(Execution::id).toList());
      assertEquals(1, stored.get(0).revision());
    }
  }

  private static long changes(StoreTx tx) {
    return Long.parseLong(tx.scalar("SELECT total_changes()"));
  }
}
