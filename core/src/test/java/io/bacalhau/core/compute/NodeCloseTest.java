package io.bacalhau.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.AllocatedResources;
import io.bacalhau.core.models.Event;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionDesiredStateType;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.State;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.protocol.ComputeCallback;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a compute node waits for the runs it stops: they still clean up and report, and what they
 * use (engines, folders) is closed right after the node. It used to return at once, so a served
 * node's engines closed under runs still stopping (a Docker container was left behind) and a queued
 * execution could start while the node closed.
 */
class NodeCloseTest {
  private static final Resources ONE_CPU = new Resources(1, 1L << 20, 0, 0);

  @TempDir Path dataDir;

  @Test
  void closeReturnsOnceItsStoppedRunsHaveEndedAndStartsNothingThatWaits() throws Exception {
    List<String> reports = new CopyOnWriteArrayList<>();
    ComputeSettings settings =
        new ComputeSettings(
            "n-test",
            Map.of(),
            new Resources(1, 1L << 30, 1L << 30, 0),
            List.of(),
            Map.of(),
            dataDir.resolve("compute/executions"));
    ComputeNode node =
        new ComputeNode(
            EmbeddedNodeTestSupport.builtinRegistry(dataDir),
            recorder(reports),
            settings,
            Clock.systemUTC());
    node.bidAccepted(job("running"), execution("e-running", "j-running"));
    node.bidAccepted(job("waiting"), execution("e-waiting", "j-waiting"));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!reports.contains("running e-running") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(reports.contains("running e-running"), reports.toString());

    node.close();

    assertTrue(
        reports.stream().anyMatch(r -> r.endsWith(" e-running") && !r.startsWith("running")),
        "the stopped run had not reported its end when close returned: " + reports);
    assertEquals(
        List.of(),
        reports.stream().filter(r -> r.endsWith(" e-waiting")).toList(),
        "an execution that waited for capacity started while the node closed");
  }

  private static Job job(String name) {
    Job job = EmbeddedNodeTestSupport.noopJob(name, Map.of("SleepMillis", 60_000));
    return job.toBuilder().id("j-" + name).build();
  }

  private static Execution execution(String id, String jobId) {
    return Execution.builder()
        .id(id)
        .namespace("default")
        .evalId("ev-1")
        .nodeId("n-test")
        .jobId(jobId)
        .jobVersion(1)
        .allocatedResources(AllocatedResources.of("main", ONE_CPU))
        .desiredState(State.of(ExecutionDesiredStateType.RUNNING))
        .computeState(State.of(ExecutionStateType.BID_ACCEPTED))
        .revision(1)
        .build();
  }

  /** Every report the node makes, as "<kind> <execution id>". */
  private static ComputeCallback recorder(List<String> reports) {
    return new ComputeCallback() {
      @Override
      public void bidResult(String executionId, boolean accepted, String reason) {}

      @Override
      public void progressed(String executionId, ExecutionStateType state) {
        if (state == ExecutionStateType.RUNNING) {
          reports.add("running " + executionId);
        }
      }

      @Override
      public void runResult(String executionId, SpecConfig published, RunCommandResult out) {
        reports.add("completed " + executionId);
      }

      @Override
      public void computeError(String id, BacalhauException error, RunCommandResult out) {
        reports.add("failed " + id);
      }

      @Override
      public void cancelled(String executionId, String reason) {
        reports.add("cancelled " + executionId);
      }

      @Override
      public void event(String executionId, Event event) {}
    };
  }
}
