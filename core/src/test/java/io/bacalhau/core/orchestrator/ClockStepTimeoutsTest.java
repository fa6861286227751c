package io.bacalhau.core.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.ResourcesConfig;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.models.TimeoutConfig;
import io.bacalhau.core.models.Times;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestrator's wall clock stepped an hour forward (NTP, an administrator) while jobs with a
 * one-minute TotalTimeout or QueueTimeout wait or run. Regression: both counted from submission on
 * the wall clock, so the step failed them at their next evaluation. They now count on the monotonic
 * clock from when this process first saw the job, and still run out after a minute of real time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClockStepTimeoutsTest {
  private static final Duration HOUR = Duration.ofHours(1);

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

  @Test
  void aRunningJobWithAOneMinuteTotalTimeoutOutlivesAnHourStepAndCompletes() throws Exception {
    String jobId = h.orchestrator.submit(job(new TimeoutConfig(0, 0, 60), ""), false).jobId();
    String execution = startRun();
    h.clock.step(HOUR);
    h.clock.advance(Duration.ofSeconds(5));
    h.orchestrator.runResult(execution, SpecConfig.EMPTY, RunCommandResult.success("ok", "", 0));
    Job done = h.await(jobId, j -> j.stateType().isTerminal());
    assertEquals(JobStateType.COMPLETED, done.stateType(), done.state().message());
  }

  @Test
  void aRunningJobStillTimesOutAfterItsMinuteOfRealTime() throws Exception {
    String jobId = h.orchestrator.submit(job(new TimeoutConfig(0, 0, 60), ""), false).jobId();
    startRun();
    h.clock.step(HOUR);
    h.clock.advance(Duration.ofSeconds(61));
    Job failed = h.await(jobId, j -> j.stateType().isTerminal());
    assertEquals(JobStateType.FAILED, failed.stateType());
    assertEquals("Job timed out. Job took longer than 1m0s", failed.state().message());
  }

  @Test
  void aQueuedJobWithAOneMinuteQueueTimeoutIsNotFailedByAnHourStep() throws Exception {
    // More CPU than the harness's node has: the job waits for a bigger node that never comes.
    String jobId = h.orchestrator.submit(job(new TimeoutConfig(0, 60, 0), "128"), false).jobId();
    h.await(jobId, j -> j.stateType() == JobStateType.QUEUED);
    h.clock.step(HOUR);
    long stepped = Times.nanos(h.clock.instant());
    h.clock.advance(Duration.ofSeconds(31)); // past the 30 s QueueBackoff: it looks again
    Job looked =
        h.await(
            jobId,
            j ->
                j.stateType().isTerminal()
                    || h.store.read(r -> r.pendingEvaluationsOf(jobId)).stream()
                        .anyMatch(e -> e.createTime() > stepped));
    assertEquals(JobStateType.QUEUED, looked.stateType(), looked.state().message());

    h.clock.advance(Duration.ofSeconds(30));
    Job failed = h.await(jobId, j -> j.stateType().isTerminal());
    assertEquals(JobStateType.FAILED, failed.stateType());
    assertTrue(failed.state().message().startsWith("not enough nodes"), failed.state().message());
  }

  private static Job job(TimeoutConfig timeouts, String cpu) {
    return Job.builder()
        .name("")
        .type(JobType.BATCH)
        .count(1)
        .task(
            Task.builder()
                .name("main")
                .engine(SpecConfig.of("noop"))
                .resources(new ResourcesConfig(cpu, "", "", ""))
                .timeouts(timeouts)
                .build())
        .build();
  }

  private String startRun() throws InterruptedException {
    ScriptedCompute.Ask ask = assertInstanceOf(ScriptedCompute.Ask.class, h.next());
    h.orchestrator.bidResult(ask.executionId(), true, "");
    ScriptedCompute.Start start = assertInstanceOf(ScriptedCompute.Start.class, h.next());
    h.orchestrator.progressed(start.executionId(), ExecutionStateType.RUNNING);
    return start.executionId();
  }
}
