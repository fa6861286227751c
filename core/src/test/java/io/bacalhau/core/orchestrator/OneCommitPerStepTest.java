package io.bacalhau.core.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.bacalhau.core.models.Evaluation;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report from compute that asks for an evaluation is recorded and evaluated in one commit: the
 * report, then the evaluation alone, took two commits per step of every job.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OneCommitPerStepTest {
  @TempDir Path dir;

  @Test
  void anAcceptedBidIsRecordedAndItsRunStartedInOneCommit() throws Exception {
    try (OrchestratorHarness h = new OrchestratorHarness(dir)) {
      // The node's heartbeat commits once a second too: the fewest of a few tries is the step's.
      long fewest = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        String jobId = h.orchestrator.submit(job(), false).jobId();
        ScriptedCompute.Ask ask = assertInstanceOf(ScriptedCompute.Ask.class, h.next());
        long before = h.store.stats().commits();
        h.orchestrator.bidResult(ask.executionId(), true, "");
        ScriptedCompute.Start start = assertInstanceOf(ScriptedCompute.Start.class, h.next());
        fewest = Math.min(fewest, h.store.stats().commits() - before);

        h.orchestrator.progressed(start.executionId(), ExecutionStateType.RUNNING);
        h.orchestrator.runResult(
            start.executionId(), SpecConfig.EMPTY, RunCommandResult.success("ok", "", 0));
        h.await(jobId, j -> j.stateType() == JobStateType.COMPLETED);
        // Every evaluation the reports asked for was processed; none is left for a later pass.
        List<Evaluation> pending = h.store.read(r -> r.pendingEvaluationsOf(jobId));
        assertEquals(List.of(), pending);
        assertEquals(ExecutionStateType.COMPLETED, h.executions(jobId).get(0).computeStateType());
      }
      assertEquals(1, fewest, "commits from an accepted bid to the run's start");
    }
  }

  private static Job job() {
    return Job.builder()
        .name("")
        .type(JobType.BATCH)
        .count(1)
        .task(Task.builder().name("main").engine(SpecConfig.of("noop")).build())
        .build();
  }
}
