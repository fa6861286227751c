package io.bacalhau.core.node;

import static io.bacalhau.core.node.EmbeddedNodeTestSupport.awaitTerminal;
import static io.bacalhau.core.node.EmbeddedNodeTestSupport.noopJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bacalhau.core.compute.ExecutionFolders;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.SpecConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an execution keeps on the compute node's disk: its folder is made only when there is
 * something to keep (output, result paths, a publisher), while {@code job logs}, with follow too,
 * and published results read as they did when every run made its folder and files up front.
 */
class ExecutionFilesTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path dataDir;
  @TempDir Path downloads;

  @Test
  void aRunWithNothingToKeepLeavesNoFolderAndReadsAsEmptyLogs() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      client.startWorking();
      String id = client.submit(noopJob("quiet", Map.of()), false).jobId();
      assertEquals(JobStateType.COMPLETED, awaitTerminal(client, id, WAIT).stateType());
      Execution execution = client.executions(id, 0).getFirst();

      assertFalse(Files.exists(executionFolder(execution)), "made a folder for nothing");
      assertEquals("|", logs(client, id, execution.id(), false));
    }
  }

  @Test
  void outputOfAnUnpublishedRunIsKeptForJobLogsWithItsExitCode() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      client.startWorking();
      String id =
          client
              .submit(noopJob("talks", Map.of("Stdout", "hello\n", "ExitCode", 3)), false)
              .jobId();
      awaitTerminal(client, id, WAIT);
      Execution execution = client.executions(id, 0).getFirst();

      assertEquals("hello\n|", logs(client, id, execution.id(), false));
      Path results = executionFolder(execution).resolve("results");
      assertEquals("3", Files.readString(results.resolve("exitCode")));
      assertFalse(Files.exists(results.resolve("stderr")), "an empty stderr file");
    }
  }

  @Test
  void aFollowerSeesOutputWrittenAfterItStartedReading() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      client.startWorking();
      Job job = noopJob("late", Map.of("SleepMillis", 1500, "Stdout", "late\n", "Stderr", "e"));
      String id = client.submit(job, false).jobId();
      Execution running = awaitRunning(client, id);
      // Nothing written yet, so no file: the follower must wait for it rather than end.
      assertFalse(Files.exists(executionFolder(running).resolve("results").resolve("stdout")));

      CompletableFuture<String> followed = new CompletableFuture<>();
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  followed.complete(logs(client, id, running.id(), true));
                } catch (Exception | Error e) {
                  followed.completeExceptionally(e);
                }
              });
      assertEquals(
          "late\n|e", followed.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
    }
  }

  @Test
  void publishedResultsHoldEmptyStdoutStderrAndTheExitCode() throws Exception {
    Job quiet = noopJob("published", Map.of());
    quiet =
        quiet.toBuilder()
            .task(quiet.task().toBuilder().publisher(SpecConfig.of("local")).build())
            .build();
    Path out =
        EmbeddedNodeTestSupport.runAndGet(
            dataDir,
            EmbeddedNodeTestSupport.builtinRegistry(dataDir),
            quiet,
            "urlDownload",
            downloads);

    assertEquals("", Files.readString(out.resolve("stdout")));
    assertEquals("", Files.readString(out.resolve("stderr")));
    assertEquals("0", Files.readString(out.resolve("exitCode")));
  }

  private Path executionFolder(Execution execution) {
    return ExecutionFolders.execution(dataDir.resolve("compute/executions"), execution.id());
  }

  private static Execution awaitRunning(EmbeddedNodeClient client, String jobId)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      for (Execution e : client.executions(jobId, 0)) {
        if (e.computeStateType() == ExecutionStateType.RUNNING) {
          return e;
        }
      }
      client.awaitChange(Duration.ofMillis(50));
    }
    throw new AssertionError("execution of " + jobId + " never ran");
  }

  /** What {@code job logs} prints: stdout, a bar, stderr. */
  private static String logs(
      EmbeddedNodeClient client, String jobId, String executionId, boolean follow)
      throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    client.logs(jobId, executionId, follow, false, out, err);
    return out.toString(StandardCharsets.UTF_8) + "|" + err.toString(StandardCharsets.UTF_8);
  }
}
