package io.bacalhau.core.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.models.TimeoutConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Stop and rerun through the real orchestrator and store, compute answered by the test. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StopAndRerunTest {
  @TempDir Path dir;
  private OrchestratorHarness h;

  @BeforeEach
  void start() {
    h = new OrchestratorHarness(dir);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private static Job job(TimeoutConfig timeouts) {
    return Job.builder()
        .name("")
        .type(JobType.BATCH)
        .count(1)
        .task(Task.builder().name("main").engine(SpecConfig.of("noop")).timeouts(timeouts).build())
        .build();
  }

  /** Accepts the bid and starts the run; returns the execution ID. */
  private String startRun() throws InterruptedException {
    ScriptedCompute.Ask ask = assertInstanceOf(ScriptedCompute.Ask.class, h.next());
    h.orchestrator.bidResult(ask.executionId(), true, "");
    ScriptedCompute.Start start = assertInstanceOf(ScriptedCompute.Start.class, h.next());
    h.orchestrator.progressed(start.executionId(), ExecutionStateType.RUNNING);
    return start.executionId();
  }

  private String runToCompletion(Job job) throws InterruptedException {
    String jobId = h.orchestrator.submit(job, false).jobId();
    String execution = startRun();
    h.orchestrator.runResult(execution, SpecConfig.EMPTY, RunCommandResult.success("ok", "", 0));
    h.await(jobId, j -> j.stateType() == JobStateType.COMPLETED);
    return jobId;
  }

  @Test
  void aRerunOfACompletedJobRunsItAgainAsTheNextVersion() throws Exception {
    String jobId = runToCompletion(job(TimeoutConfig.NONE));
    SubmitResult rerun = h.orchestrator.rerun(jobId, "", 0, "again");
    assertEquals(2, rerun.jobVersion());
    String second = startRun();
    h.orchestrator.runResult(second, SpecConfig.EMPTY, RunCommandResult.success("ok", "", 0));
    Job done = h.await(jobId, j -> j.version() == 2 && j.stateType() == JobStateType.COMPLETED);
    assertEquals(2, done.version());
    List<Execution> executions = h.executions(jobId);
    assertEquals(List.of(1L, 2L), executions.stream().map(Execution::jobVersion).sorted().toList());
  }

  @Test
  void aJobThatHasNotRunYetCannotBeRerun() throws Exception {
    String jobId = h.orchestrator.submit(job(TimeoutConfig.NONE), false).jobId();
    assertInstanceOf(ScriptedCompute.Ask.class, h.next());
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> h.orchestrator.rerun(jobId, "", 0, ""));
    assertEquals(ErrorCode.CONFLICT_JOB_STATE, e.code());
  }

  @Test
  void aCompletedJobCannotBeStopped() throws Exception {
    String jobId = runToCompletion(job(TimeoutConfig.NONE));
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> h.orchestrator.stop(jobId, "", "late"));
    assertEquals(ErrorCode.CONFLICT_JOB_STATE, e.code());
  }

  @Test
  void stoppingARunningJobAsksComputeToCancelItsRun() throws Exception {
    String jobId = h.orchestrator.submit(job(TimeoutConfig.NONE), false).jobId();
    String execution = startRun();
    h.orchestrator.stop(jobId, "", "no longer needed");
    assertEquals(JobStateType.STOPPED, h.job(jobId).stateType());
    assertEquals(new ScriptedCompute.Cancel(execution), h.next());
    h.orchestrator.cancelled(execution, "stopped");
    h.await(
        jobId, j -> h.executions(jobId).get(0).computeStateType() == ExecutionStateType.CANCELLED);
    // A second stop of a stopped job is quiet: there is nothing left to do.
    assertEquals("", h.orchestrator.stop(jobId, "", "again"));
  }

  /**
   * A rerun (and a job update) keeps the job's CreateTime; its TotalTimeout and QueueTimeout count
   * from the version's submission, or a job first run longer ago than its TotalTimeout could never
   * be rerun ("Job timed out" at once).
   */
  @Test
  void aRerunGetsItsOwnTotalTimeout() throws Exception {
    String jobId = runToCompletion(job(new TimeoutConfig(0, 0, 60)));
    h.clock.advance(Duration.ofMinutes(5));
    h.orchestrator.rerun(jobId, "", 0, "");
    // The new version is offered to compute rather than failed for the first version's age.
    Job rerun =
        h.await(
            jobId,
            j ->
                j.stateType().isTerminal()
                    || h.executions(jobId).stream().anyMatch(e -> e.jobVersion() == 2));
    assertEquals(JobStateType.PENDING, rerun.stateType(), rerun.state().message());
  }
}
