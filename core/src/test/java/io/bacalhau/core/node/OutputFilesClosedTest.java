package io.bacalhau.core.node;

import static io.bacalhau.core.node.EmbeddedNodeTestSupport.awaitTerminal;
import static io.bacalhau.core.node.EmbeddedNodeTestSupport.noopJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.SpecConfig;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An execution's stdout and stderr files are closed however it ends. A stopped execution kept both
 * open for the life of the node: the soak harness saw a served node's descriptors grow by two per
 * stopped job and never come back.
 */
class OutputFilesClosedTest {
  @TempDir Path dataDir;

  @Test
  void aStoppedExecutionClosesItsStdoutAndStderrFiles() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      client.startWorking();
      // Published: its output files are open from the start (an unpublished run opens them with
      // its first output, which this one never writes).
      Job sleepy = noopJob("sleepy", Map.of("SleepMillis", 60_000));
      sleepy =
          sleepy.toBuilder()
              .task(sleepy.task().toBuilder().publisher(SpecConfig.of("local")).build())
              .build();
      SubmitResult s = client.submit(sleepy, false);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (client.executions(s.jobId(), 0).stream()
          .noneMatch(e -> e.computeStateType() == ExecutionStateType.RUNNING)) {
        assertTrue(System.nanoTime() < deadline, "execution never started");
        client.awaitChange(Duration.ofMillis(100));
      }
      client.stop(s.jobId(), "", "soak");
      assertEquals(
          JobStateType.STOPPED,
          awaitTerminal(client, s.jobId(), Duration.ofSeconds(20)).stateType());
      awaitNoOpenOutputFiles(deadline);
    }
  }

  @Test
  void aFailedExecutionClosesItsStdoutAndStderrFiles() throws Exception {
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dataDir)) {
      client.startWorking();
      SubmitResult s =
          client.submit(
              noopJob("broken", Map.of("Stdout", "x", "Stderr", "y", "Error", "boom")), false);
      awaitTerminal(client, s.jobId(), Duration.ofSeconds(20));
      awaitNoOpenOutputFiles(System.nanoTime() + Duration.ofSeconds(10).toNanos());
    }
  }

  /** The runner closes the files after it reports the end; give it a moment. */
  private void awaitNoOpenOutputFiles(long deadline) throws Exception {
    List<String> open = openOutputFiles();
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      open = openOutputFiles();
    }
    assertEquals(List.of(), open, "output files still open");
  }

  private List<String> openOutputFiles() throws IOException {
    List<String> open = new ArrayList<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith(dataDir.toRealPath().toString())
              && (target.endsWith("/stdout") || target.endsWith("/stderr"))) {
            open.add(target);
          }
        } catch (IOException closedMeanwhile) {
          // closed between the listing and the read
        }
      }
    }
    return open;
  }
}
