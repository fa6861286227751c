package io.bacalhau.core.node;

import static io.bacalhau.core.node.EmbeddedNodeTestSupport.noopJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.models.TimeoutConfig;
import io.bacalhau.core.store.InstanceRegistrations;
import io.bacalhau.core.store.JobStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs never wait for ever behind an owner that makes no progress: a node that is already running
 * adopts jobs whose owner died or stopped beating after it started, and an owner that lost a job
 * stops running it. A node with nothing left to do says so, however long its jobs' timeouts are.
 */
class OwnershipHandOverTest {
  @TempDir Path dataDir;

  @Test
  void runningNodeAdoptsJobsWhoseOwnerDiedAfterItStarted() throws Exception {
    try (EmbeddedNodeClient worker = EmbeddedNodeTestSupport.client(dataDir)) {
      worker.startWorking(); // up before the owner dies, as a background worker is
      for (int round = 0; round < 12; round++) {
        try (EmbeddedNodeClient owner = EmbeddedNodeTestSupport.client(dataDir)) {
          String jobId =
              owner
                  .submit(noopJob("orphan-" + round, Map.of("SleepMillis", round * 10)), false)
                  .jobId();
          if (round % 2 == 1) {
            // Dies having dispatched work: an execution the dead process was asked to run.
            owner.startWorking();
            awaitTrue(() -> !owner.executions(jobId, 0).isEmpty(), Duration.ofSeconds(10));
          }
          InstanceRegistrations.killProcess(owner.node().store(), owner.node().instanceId());
          Job done = awaitTerminal(worker, jobId, Duration.ofSeconds(20));
          assertEquals(JobStateType.COMPLETED, done.stateType(), "round " + round);
          assertAtMostOneExecutionCompleted(worker.executions(jobId, 0));
        }
      }
    }
  }

  @Test
  void liveOwnerThatStoppedBeatingLosesItsJobs() throws Exception {
    try (EmbeddedNodeClient owner = EmbeddedNodeTestSupport.client(dataDir);
        EmbeddedNodeClient worker = EmbeddedNodeTestSupport.client(dataDir)) {
      // Submitted but never run: its process is alive, its work loop never beats.
      String jobId = owner.submit(noopJob("stuck", Map.of()), false).jobId();
      JobStore store = owner.node().store();
      String stuck = owner.node().instanceId();
      InstanceRegistrations.stopBeating(store, stuck, Duration.ofMinutes(2));

      worker.startWorking();
      assertEquals(
          JobStateType.COMPLETED, awaitTerminal(worker, jobId, Duration.ofSeconds(20)).stateType());
      assertFalse(
          InstanceRegistrations.isRegistered(store, stuck),
          "the stuck owner is told it lost its jobs");
    }
  }

  @Test
  void ownerStopsItsRunOfAJobAnotherProcessTookOver() throws Exception {
    try (EmbeddedNodeClient owner = EmbeddedNodeTestSupport.client(dataDir)) {
      String jobId = owner.submit(noopJob("long", Map.of("SleepMillis", 60_000)), false).jobId();
      owner.startWorking();
      awaitTrue(
          () ->
              owner.executions(jobId, 0).stream()
                  .anyMatch(e -> e.computeStateType() == ExecutionStateType.RUNNING),
          Duration.ofSeconds(10));
      JobStore store = owner.node().store();
      String me = owner.node().instanceId();
      store.writeVoid(tx -> tx.transferOwnership(jobId, me, "p-another-process"));

      awaitTrue(() -> owner.node().compute().activeCount() == 0, Duration.ofSeconds(10));
    }
  }

  @Test
  void nodeHasNoWorkLeftOnceItsJobEndsWhateverItsTimeout() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      Job patient = noopJob("patient", Map.of());
      Task task = patient.task().toBuilder().timeouts(new TimeoutConfig(0, 0, 3600)).build();
      String jobId = client.submit(patient.toBuilder().tasks(List.of(task)).build(), false).jobId();
      client.startWorking();
      assertEquals(
          JobStateType.COMPLETED, awaitTerminal(client, jobId, Duration.ofSeconds(20)).stateType());

      assertFalse(client.node().orchestrator().ownsActiveJobs(), "a worker would stay for it");
      List<Evaluation> pending = client.node().store().read(r -> r.pendingEvaluationsOf(jobId));
      assertTrue(pending.isEmpty(), "the timeout evaluation is cancelled: " + pending);
    }
  }

  private static void assertAtMostOneExecutionCompleted(List<Execution> executions) {
    long completed =
        executions.stream()
            .filter(e -> e.computeStateType() == ExecutionStateType.COMPLETED)
            .count();
    assertEquals(1, completed, executions::toString);
    assertTrue(executions.stream().allMatch(e -> e.computeStateType().isTerminal()));
  }

  /** Waits by reading the store only, so the waiting never starts a node of its own. */
  private static Job awaitTerminal(EmbeddedNodeClient client, String jobId, Duration timeout)
      throws InterruptedException {
    awaitTrue(() -> client.job(jobId, "").stateType().isTerminal(), timeout);
    return client.job(jobId, "");
  }

  private static void awaitTrue(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not so after " + timeout);
      }
      Thread.sleep(50);
    }
  }
}
