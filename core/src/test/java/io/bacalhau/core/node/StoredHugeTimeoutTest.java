package io.bacalhau.core.node;

import static io.bacalhau.core.node.EmbeddedNodeTestSupport.awaitTerminal;
import static io.bacalhau.core.node.EmbeddedNodeTestSupport.noopJob;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.TimeoutConfig;
import io.bacalhau.core.store.JobStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specs are bounded at validation now, but a store written before may hold a job whose timeout is
 * near 2^63 ns. Rerunning such a job once left it Pending for ever (its timeout evaluation wrapped
 * into the past and stalled the work queue) or failed with "long overflow"; the scheduler's
 * arithmetic saturates instead, so the job runs.
 */
class StoredHugeTimeoutTest {
  @TempDir Path dataDir;

  @ParameterizedTest
  @ValueSource(longs = {9_223_372_036L, 9_223_372_037L, Long.MAX_VALUE})
  void aStoredJobWithAHugeTimeoutStillRuns(long seconds) throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      // The run outlasts the orchestrator's store poll, which picks up the timeout evaluation.
      SubmitResult first = client.submit(noopJob("old", Map.of("SleepMillis", 1000)), false);
      awaitTerminal(client, first.jobId(), Duration.ofSeconds(20));
      storeTimeouts(first.jobId(), new TimeoutConfig(0, seconds, seconds));

      SubmitResult rerun = client.rerun(first.jobId(), "", 0, "as stored before");
      Job job = awaitTerminal(client, rerun.jobId(), Duration.ofSeconds(20));

      assertEquals(JobStateType.COMPLETED, job.stateType());
      assertEquals(2, job.version());
    }
  }

  /** Writes the timeouts into the stored job as an older version, which did not bound them, did. */
  private void storeTimeouts(String jobId, TimeoutConfig timeouts) {
    try (JobStore store =
        JobStore.open(EmbeddedNodeTestSupport.options(dataDir, null).storeFile())) {
      store.writeVoid(
          tx -> {
            Job job = tx.job(jobId).orElseThrow();
            tx.updateJob(
                job.toBuilder().task(job.task().toBuilder().timeouts(timeouts).build()).build());
          });
    }
  }
}
