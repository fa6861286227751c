package io.bacalhau.cli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.ChildCli;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.store.JobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background worker a {@code --wait=false} submission starts leaves as soon as no job needs it,
 * not when the longest timeout of its jobs runs out.
 */
class BackgroundWorkerLifetimeTest {
  @TempDir Path dataDir;

  @AfterEach
  void stopWorkers() throws InterruptedException {
    ChildCli.stopAllOn(dataDir);
  }

  @Test
  void workerLeavesSoonAfterAQuickJobWithALongTimeoutCompletes() throws Exception {
    Path spec = dataDir.resolve("quick.yaml");
    Files.writeString(
        spec,
        "Name: quick\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n"
            + "      Type: noop\n    Timeouts:\n      TotalTimeout: 3600\n");
    Path log = dataDir.resolve("submit.log");
    Process submit =
        ChildCli.start(dataDir, log, log, "job", "run", "--wait=false", spec.toString());
    assertTrue(submit.waitFor(60, TimeUnit.SECONDS), "submission did not return");
    assertEquals(0, submit.exitValue(), Files.readString(dataDir.resolve("submit.log")));

    Path db = dataDir.resolve("orchestrator").resolve("jobs.db");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JobStateType state = JobStateType.UNDEFINED;
    Set<String> live = Set.of("?");
    while (System.nanoTime() < deadline && !(state.isTerminal() && live.isEmpty())) {
      Thread.sleep(200);
      try (JobStore store = JobStore.open(db)) {
        state = store.read(r -> r.jobs(JobQuery.all()).get(0).stateType());
        live = store.instances().census(Instant.now()).live();
      }
    }
    assertEquals(JobStateType.COMPLETED, state);
    assertEquals(Set.of(), live, "the worker is still there: " + workerLog());
  }

  private String workerLog() throws java.io.IOException {
    Path log = dataDir.resolve("worker.log");
    return Files.exists(log) ? Files.readString(log) : "(no worker.log)";
  }
}
