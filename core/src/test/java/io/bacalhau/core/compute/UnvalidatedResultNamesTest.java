package io.bacalhau.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.AllocatedResources;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.State;
import io.bacalhau.core.models.TimeoutConfig;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.protocol.ComputeCallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compute node refuses a result path name that would put the result folder outside the
 * execution's folder even when the job never went through validation (a job stored by an older
 * version, or sent by another orchestrator): such a name once made the node create folders, and the
 * task write files, anywhere on the host.
 */
class UnvalidatedResultNamesTest {
  @TempDir Path dataDir;

  @Test
  void anEscapingResultNameFailsTheExecutionAndCreatesNothingOutsideItsFolder() throws Exception {
    Path executions = dataDir.resolve("compute/executions");
    // Relative to executions/<id>/results: lands in dataDir/escaped.
    Job job =
        jobWithResults(
            new ResultPath("outputs", "/outputs"), new ResultPath("../../../escaped", "/x"));
    Outcome outcome = run(job, executions);

    assertTrue(
        outcome.error().getMessage().contains("result path name '../../../escaped'"),
        outcome.error().getMessage());
    assertTrue(outcome.error().failsExecution());
    assertFalse(Files.exists(dataDir.resolve("escaped")), "created a folder outside the node's");
    // Checked before any result folder is made: the good one is not there either.
    assertFalse(Files.exists(ExecutionFolders.results(executions, "e-1").resolve("outputs")));
  }

  @Test
  void anAbsoluteResultNameIsRefusedToo() throws Exception {
    Path outside = dataDir.resolve("absolute-target");
    Outcome outcome =
        run(jobWithResults(new ResultPath(outside.toString(), "/x")), dataDir.resolve("ex"));
    assertTrue(
        outcome.error().getMessage().contains("path separator"), outcome.error().getMessage());
    assertFalse(Files.exists(outside));
  }

  private static Job jobWithResults(ResultPath... results) {
    Job job = EmbeddedNodeTestSupport.noopJob("unvalidated", Map.of("Stdout", "ran\n"));
    return job.toBuilder()
        .id("j-1")
        .task(
            job.task().toBuilder()
                .resultPaths(List.of(results))
                .publisher(SpecConfig.of("local"))
                .timeouts(new TimeoutConfig(30, 0, 60))
                .build())
        .build();
  }

  private record Outcome(BacalhauException error) {}

  /** Hands the job straight to a compute node, as an orchestrator does once a bid is accepted. */
  private Outcome run(Job job, Path executions) throws Exception {
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    ComputeCallback callback =
        new ComputeCallback() {
          @Override
          public void bidResult(String executionId, boolean accepted, String reason) {}

          @Override
          public void progressed(String executionId, ExecutionStateType state) {}

          @Override
          public void runResult(String executionId, SpecConfig published, RunCommandResult out) {
            done.completeExceptionally(new AssertionError("the execution completed: " + out));
          }

          @Override
          public void computeError(String id, BacalhauException error, RunCommandResult out) {
            done.complete(new Outcome(error));
          }

          @Override
          public void cancelled(String executionId, String reason) {
            done.completeExceptionally(new AssertionError("cancelled: " + reason));
          }

          @Override
          public void event(String executionId, Event event) {}
        };
    ComputeSettings settings =
        new ComputeSettings(
            "n-test",
            Map.of(),
            new Resources(1, 1L << 30, 1L << 30, 0),
            List.of(),
            Map.of(),
            executions);
    try (ComputeNode node =
        new ComputeNode(
            EmbeddedNodeTestSupport.builtinRegistry(dataDir),
            callback,
            settings,
            Clock.systemUTC())) {
      node.bidAccepted(job, execution(job));
      Outcome outcome = done.get(30, TimeUnit.SECONDS);
      assertEquals(0, waitIdle(node));
      return outcome;
    }
  }

  private static int waitIdle(ComputeNode node) throws InterruptedException {
    for (int i = 0; i < 100 && node.activeCount() > 0; i++) {
      Thread.sleep(20);
    }
    return node.activeCount();
  }

  private static Execution execution(Job job) {
    return new Execution(
        "e-1",
        job.namespace(),
        "ev-1",
        "",
        "n-test",
        job.id(),
        null,
        1,
        AllocatedResources.NONE,
        State.of(ExecutionDesiredStateType.RUNNING),
        State.of(ExecutionStateType.BID_ACCEPTED),
        SpecConfig.EMPTY,
        null,
        "",
        "",
        "",
        0,
        1,
        0,
        0);
  }
}
