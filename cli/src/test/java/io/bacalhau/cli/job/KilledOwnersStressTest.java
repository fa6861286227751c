package io.bacalhau.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.ChildCli;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race behind jobs stuck for good behind an idle worker: a node is already running when {@code
 * job run} processes are killed ({@code kill -9}) at random moments, each after adopting the jobs
 * of the one killed before. Every job must still end, each with one completed run.
 */
class KilledOwnersStressTest {
  private static final int ROUNDS = 8;

  @TempDir Path dataDir;

  @AfterEach
  void stopWorkers() throws InterruptedException {
    ChildCli.stopAllOn(dataDir);
  }

  @Test
  void everyJobOfKilledSubmittersEndsOnTheNodeThatWasAlreadyRunning() throws Exception {
    Random random = new Random(42);
    try (EmbeddedNodeClient worker = EmbeddedNodeTestSupport.client(dataDir)) {
      worker.startWorking();
      for (int round = 0; round < ROUNDS; round++) {
        Path spec = dataDir.resolve("job-" + round + ".yaml");
        Files.writeString(
            spec,
            "Name: stress-"
                + round
                + "\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n"
                + "      Type: noop\n      Params: {SleepMillis: 1500}\n");
        Process child = startJobRun(spec, round);
        awaitSubmitted(worker, round + 1, child);
        Thread.sleep(random.nextInt(1500)); // before, while or after its run starts
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }

      List<Job> jobs = worker.list(JobQuery.all());
      assertEquals(ROUNDS, jobs.size());
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      for (Job job : jobs) {
        while (!worker.job(job.id(), "").stateType().isTerminal()) {
          assertTrue(System.nanoTime() < deadline, () -> "stuck: " + describe(worker, job));
          Thread.sleep(100);
        }
        // A job whose runs were killed more often than it may retry fails; that is its policy.
        JobStateType state = worker.job(job.id(), "").stateType();
        assertTrue(
            state == JobStateType.COMPLETED || state == JobStateType.FAILED, describe(worker, job));
        long completed =
            worker.executions(job.id(), 0).stream()
                .filter(e -> e.computeStateType() == ExecutionStateType.COMPLETED)
                .count();
        assertEquals(state == JobStateType.COMPLETED ? 1 : 0, completed, describe(worker, job));
      }
    }
  }

  private static String describe(EmbeddedNodeClient client, Job job) {
    StringBuilder text = new StringBuilder(job.name() + " " + client.job(job.id(), "").stateType());
    for (Execution e : client.executions(job.id(), 0)) {
      text.append("\n  ").append(e.id()).append(' ').append(e.computeStateType());
    }
    return text.toString();
  }

  private static void awaitSubmitted(EmbeddedNodeClient client, int jobs, Process child)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (client.list(JobQuery.all()).size() < jobs) {
      assertTrue(child.isAlive() || client.list(JobQuery.all()).size() >= jobs, "child exited");
      assertTrue(System.nanoTime() < deadline, "the child never submitted its job");
      Thread.sleep(20);
    }
  }

  private Process startJobRun(Path spec, int round) throws java.io.IOException {
    Path log = dataDir.resolve("child-" + round + ".log");
    return ChildCli.start(dataDir, log, log, "job", "run", spec.toString());
  }
}
