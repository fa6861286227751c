package io.bacalhau.core.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.store.JobStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a compute report does to its execution in the store: the new state, and an evaluation when
 * the scheduler must look again; a terminal execution never changes, whatever arrives late.
 */
class ExecutionUpdatesTest {
  private static final Instant NOW = Scheduling.CREATED.plusSeconds(10);
  @TempDir Path dir;
  private JobStore store;
  private Scheduling s;

  @BeforeEach
  void open() {
    store = JobStore.open(dir.resolve("jobs.db"));
    s = new Scheduling(JobType.BATCH, 1);
    store.write(
        tx -> {
          tx.putJob(s.job, "p-test");
          return null;
        });
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Execution stored(ExecutionStateType compute, ExecutionDesiredStateType desired) {
    Execution e = s.execution("n-1", 0, compute, desired);
    store.write(
        tx -> {
          tx.putExecution(e);
          return null;
        });
    return e;
  }

  private Execution reread(Execution e) {
    return store.read(r -> r.execution(e.id())).orElseThrow();
  }

  @Test
  void aRejectedBidEndsTheExecutionAndAsksForAnotherLook() {
    Execution e = stored(ExecutionStateType.NEW, ExecutionDesiredStateType.PENDING);
    Optional<Evaluation> eval =
        store.write(tx -> ExecutionUpdates.bidResult(tx, e.id(), false, "too busy", NOW));
    Execution after = reread(e);
    assertEquals(ExecutionStateType.ASK_FOR_BID_REJECTED, after.computeStateType());
    assertEquals(ExecutionDesiredStateType.STOPPED, after.desiredStateType());
    assertEquals(e.revision() + 1, after.revision());
    assertEquals(Evaluation.TRIGGER_EXEC_UPDATE, eval.orElseThrow().triggeredBy());
  }

  @Test
  void anAcceptedBidWaitsForApprovalUnlessTheExecutionWasToRunAnyway() {
    Execution offered = stored(ExecutionStateType.NEW, ExecutionDesiredStateType.PENDING);
    Execution direct = stored(ExecutionStateType.NEW, ExecutionDesiredStateType.RUNNING);
    store.write(tx -> ExecutionUpdates.bidResult(tx, offered.id(), true, "", NOW));
    store.write(tx -> ExecutionUpdates.bidResult(tx, direct.id(), true, "", NOW));
    assertEquals(ExecutionStateType.ASK_FOR_BID_ACCEPTED, reread(offered).computeStateType());
    assertEquals(ExecutionStateType.BID_ACCEPTED, reread(direct).computeStateType());
  }

  @Test
  void progressIsRecordedWithoutAnotherLook() {
    Execution e = stored(ExecutionStateType.BID_ACCEPTED, ExecutionDesiredStateType.RUNNING);
    Optional<Evaluation> eval =
        store.write(tx -> ExecutionUpdates.progressed(tx, e.id(), ExecutionStateType.RUNNING, NOW));
    assertEquals(ExecutionStateType.RUNNING, reread(e).computeStateType());
    assertTrue(eval.isEmpty());
  }

  @Test
  void aFailureKeepsItsMessageAndEndsTheExecution() {
    Execution e = stored(ExecutionStateType.RUNNING, ExecutionDesiredStateType.RUNNING);
    BacalhauException boom =
        BacalhauException.builder(ErrorCode.INTERNAL_ERROR, "engine broke").build();
    store.write(
        tx -> ExecutionUpdates.failed(tx, e.id(), boom, RunCommandResult.failure("x"), NOW));
    Execution after = reread(e);
    assertEquals(ExecutionStateType.FAILED, after.computeStateType());
    assertEquals("engine broke", after.computeState().message());
    assertEquals(ExecutionDesiredStateType.STOPPED, after.desiredStateType());
  }

  @Test
  void nothingThatArrivesLateChangesATerminalExecution() {
    Execution e = stored(ExecutionStateType.RUNNING, ExecutionDesiredStateType.RUNNING);
    store.write(
        tx ->
            ExecutionUpdates.completed(
                tx, e.id(), SpecConfig.EMPTY, RunCommandResult.success("out", "", 0), NOW));
    Execution done = reread(e);
    BacalhauException late = BacalhauException.builder(ErrorCode.INTERNAL_ERROR, "late").build();
    assertTrue(
        store
            .write(
                tx -> ExecutionUpdates.failed(tx, e.id(), late, RunCommandResult.failure(""), NOW))
            .isEmpty());
    assertTrue(store.write(tx -> ExecutionUpdates.cancelled(tx, e.id(), "late", NOW)).isEmpty());
    assertTrue(
        store
            .write(tx -> ExecutionUpdates.progressed(tx, e.id(), ExecutionStateType.RUNNING, NOW))
            .isEmpty());
    assertEquals(done, reread(e));
  }
}
