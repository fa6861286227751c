package io.bacalhau.core.node;

import static io.bacalhau.core.node.EmbeddedNodeTestSupport.awaitTerminal;
import static io.bacalhau.core.node.EmbeddedNodeTestSupport.noopJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.SpecConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedNodeTest {
  @TempDir Path dataDir;

  @Test
  void noopJobCompletesWithItsTimeline() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      SubmitResult submitted = client.submit(noopJob("hello", Map.of("Stdout", "15\n")), false);
      Job job = awaitTerminal(client, submitted.jobId(), Duration.ofSeconds(20));

      assertEquals(JobStateType.COMPLETED, job.stateType());
      List<Execution> executions = client.executions(job.id(), 0);
      assertEquals(1, executions.size());
      Execution e = executions.get(0);
      assertEquals(ExecutionStateType.COMPLETED, e.computeStateType());
      assertEquals("15\n", e.runOutput().stdout());
      List<String> messages =
          client.history(job.id(), HistoryQuery.latest()).stream()
              .map(h -> h.event().message())
              .toList();
      assertEquals("Job submitted", messages.get(0));
      assertTrue(messages.contains("Completed successfully"), messages.toString());
      assertTrue(messages.contains("Completed"), messages.toString());
    }
  }

  @Test
  void nonZeroExitCodeIsACompletedExecution() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      SubmitResult s = client.submit(noopJob("exit3", Map.of("ExitCode", 3)), false);
      Job job = awaitTerminal(client, s.jobId(), Duration.ofSeconds(20));
      assertEquals(JobStateType.COMPLETED, job.stateType());
      assertEquals(3, client.executions(job.id(), 0).get(0).runOutput().exitCode());
    }
  }

  @Test
  void runnerErrorsAreRetriedThenFailTheJob() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      SubmitResult s = client.submit(noopJob("broken", Map.of("Error", "boom")), false);
      Job job = awaitTerminal(client, s.jobId(), Duration.ofSeconds(20));
      assertEquals(JobStateType.FAILED, job.stateType());
      List<Execution> executions = client.executions(job.id(), 0);
      assertEquals(3, executions.size(), "one try and two retries");
      assertTrue(
          executions.stream().allMatch(e -> e.computeStateType() == ExecutionStateType.FAILED));
      List<JobHistory> history = client.history(job.id(), HistoryQuery.latest());
      assertTrue(
          history.stream()
              .anyMatch(h -> h.event().message().equals("boom") && h.event().isError()));
    }
  }

  @Test
  void stoppingARunningJobCancelsItsExecution() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      SubmitResult s = client.submit(noopJob("sleepy", Map.of("SleepMillis", 60_000)), false);
      client.startWorking();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (client.executions(s.jobId(), 0).stream()
          .noneMatch(e -> e.computeStateType() == ExecutionStateType.RUNNING)) {
        assertTrue(System.nanoTime() < deadline, "execution never started");
        client.awaitChange(Duration.ofMillis(100));
      }
      client.stop(s.jobId(), "", "Stopped at user request");
      while (client.executions(s.jobId(), 0).stream()
          .noneMatch(e -> e.computeStateType() == ExecutionStateType.CANCELLED)) {
        assertTrue(System.nanoTime() < deadline, "execution never cancelled");
        client.awaitChange(Duration.ofMillis(100));
      }
      assertEquals(JobStateType.STOPPED, client.job(s.jobId(), "").stateType());
    }
  }

  @Test
  void resubmittingAnIdenticalSpecIsRefusedUnlessForced() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      Job spec = noopJob("same", Map.of());
      SubmitResult first = client.submit(spec, false);
      awaitTerminal(client, first.jobId(), Duration.ofSeconds(20));
      BacalhauException e = assertThrows(BacalhauException.class, () -> client.submit(spec, false));
      assertEquals(ErrorCode.NO_CHANGES, e.code());
      assertEquals("Use the --force flag to override this warning", e.hint());
      SubmitResult forced = client.submit(spec, true);
      assertEquals(first.jobId(), forced.jobId());
      assertEquals(2, forced.jobVersion());
    }
  }

  @Test
  void unknownEngineIsRejectedBeforeAnythingRuns() {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      Job job =
          noopJob("flibble", Map.of()).toBuilder()
              .task(
                  noopJob("x", Map.of()).task().toBuilder()
                      .engine(SpecConfig.of("flibble"))
                      .build())
              .build();
      BacalhauException e = assertThrows(BacalhauException.class, () -> client.submit(job, false));
      assertEquals("no engine 'flibble'; available: noop", e.getMessage());
      assertTrue(client.list(io.bacalhau.core.client.JobQuery.all()).isEmpty());
    }
  }
}
