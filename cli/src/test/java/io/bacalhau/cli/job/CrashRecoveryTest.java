package io.bacalhau.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.ChildCli;
import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.plugin.TestPlugins;
import io.bacalhau.core.store.JobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code job run} process killed mid-run loses nothing: its job is adopted and retried, by the
 * next process after a SIGKILL, by a background worker after a SIGTERM or Ctrl-C.
 */
class CrashRecoveryTest {
  @TempDir Path dataDir;

  @AfterEach
  void stopWorkers() throws InterruptedException {
    ChildCli.stopAllOn(dataDir);
  }

  @Test
  void jobOfAKilledProcessIsAdoptedRetriedAndCompleted() throws Exception {
    Path spec = dataDir.resolve("sleepy.yaml");
    Files.writeString(
        spec,
        "Name: sleepy\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n      Type: noop\n"
            + "      Params: {SleepMillis: 3000, Stdout: done}\n");
    Process child = startJobRun(spec);
    try {
      awaitRunningExecution(
          dataDir.resolve("orchestrator").resolve("jobs.db"), Duration.ofSeconds(30));
    } finally {
      child.destroyForcibly().waitFor();
    }

    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      Job job = client.list(JobQuery.all()).get(0);
      client.startWorking();
      Job done = EmbeddedNodeTestSupport.awaitTerminal(client, job.id(), Duration.ofSeconds(30));
      assertEquals(JobStateType.COMPLETED, done.stateType());
      List<Execution> executions = client.executions(job.id(), 0);
      assertEquals(2, executions.size(), "the killed attempt and its retry");
      assertEquals(ExecutionStateType.FAILED, executions.get(0).computeStateType());
      assertEquals(ExecutionStateType.COMPLETED, executions.get(1).computeStateType());
      assertTrue(
          client.history(job.id(), HistoryQuery.latest()).stream()
              .anyMatch(h -> h.event().message().equals("Failing due to node restart")));
    }
  }

  /**
   * SIGTERM during {@code job run} printed {@code IllegalStateException: Shutdown in progress} with
   * a stack trace: main removed its shutdown hook while the JVM was shutting down.
   */
  @Test
  void sigtermDuringJobRunSaysHowToFollowTheJobAndExits143WithoutAStackTrace() throws Exception {
    sigtermDuringJobRunOf("noop");
  }

  /**
   * The same while closing takes a while (a provider slow to close): the command's thread wakes up
   * to a closed node before the shutdown ends, and must still print nothing more.
   */
  @Test
  void sigtermWhileTheNodeIsSlowToCloseAddsNothingToTheOneLine() throws Exception {
    TestPlugins.slowToClose().jar(Files.createDirectories(dataDir.resolve("plugins")));
    sigtermDuringJobRunOf("slow-close");
  }

  private void sigtermDuringJobRunOf(String engine) throws Exception {
    Path spec = dataDir.resolve("patient.yaml");
    Files.writeString(
        spec,
        "Name: patient\nType: batch\nCount: 1\nTasks:\n  - Name: main\n    Engine:\n"
            + "      Type: "
            + engine
            + "\n      Params: {SleepMillis: 2000}\n");
    Process child = startJobRun(spec);
    awaitRunningExecution(
        dataDir.resolve("orchestrator").resolve("jobs.db"), Duration.ofSeconds(30));
    child.destroy(); // SIGTERM, what Ctrl-C amounts to for the JVM
    assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "child did not exit");
    String err = Files.readString(dataDir.resolve("child.err"));
    assertEquals(143, child.exitValue(), err);
    String id;
    try (JobStore store = JobStore.open(dataDir.resolve("orchestrator").resolve("jobs.db"))) {
      id = store.read(r -> r.jobs(JobQuery.all()).get(0).id());
    }
    assertTrue(
        err.contains(
            "\nWarning: Progress tracking canceled. The job is still running. Follow it with"
                + " 'bacalhau job logs --follow "
                + id
                + "', check it with 'bacalhau job describe "
                + id
                + "'.\n"),
        err);
    assertFalse(err.contains("Exception"), err);
    assertFalse(err.contains("\tat "), err);
    assertFalse(err.contains("Error"), err);

    // Nobody else touches the data dir: the background worker the child started finishes the job.
    Path db = dataDir.resolve("orchestrator").resolve("jobs.db");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JobStateType state = JobStateType.UNDEFINED;
    while (System.nanoTime() < deadline && !state.isTerminal()) {
      Thread.sleep(200);
      try (JobStore store = JobStore.open(db)) {
        state = store.read(r -> r.jobs(JobQuery.all()).get(0).stateType());
      }
    }
    assertEquals(JobStateType.COMPLETED, state);
  }

  private Process startJobRun(Path spec) throws java.io.IOException {
    return ChildCli.start(
        dataDir,
        dataDir.resolve("child.log"),
        dataDir.resolve("child.err"),
        "job",
        "run",
        spec.toString());
  }

  private static void awaitRunningExecution(Path db, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(db)) {
        try (JobStore store = JobStore.open(db)) {
          boolean running =
              store.read(
                  r ->
                      r.jobs(JobQuery.all()).stream()
                          .flatMap(j -> r.executions(j.id()).stream())
                          .anyMatch(e -> e.computeStateType() == ExecutionStateType.RUNNING));
          if (running) {
            return;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the child never started running the job");
  }
}
