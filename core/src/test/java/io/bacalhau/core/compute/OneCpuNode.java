package io.bacalhau.core.compute;

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

/**
 * A compute node "n-test" with room for one one-CPU execution at a time, running noop jobs, and
 * every report it makes as "&lt;kind&gt; &lt;execution id&gt;" (bid, running, completed, failed,
 * cancelled): what tests of the node's queue and shutdown need.
 */
final class OneCpuNode {
  private static final Resources ONE_CPU = new Resources(1, 1L << 20, 0, 0);

  final List<String> reports = new CopyOnWriteArrayList<>();
  final ComputeNode node;

  OneCpuNode(Path dataDir) {
    ComputeSettings settings =
        new ComputeSettings(
            "n-test",
            Map.of(),
            new Resources(1, 1L << 30, 1L << 30, 0),
            List.of(),
            Map.of(),
            dataDir.resolve("compute/executions"));
    node =
        new ComputeNode(
            EmbeddedNodeTestSupport.builtinRegistry(dataDir),
            recorder(),
            settings,
            Clock.systemUTC());
  }

  /** A noop job named {@code name} (id "j-" + name) that sleeps for {@code sleepMillis}. */
  static Job job(String name, long sleepMillis) {
    Job job = EmbeddedNodeTestSupport.noopJob(name, Map.of("SleepMillis", sleepMillis));
    return job.toBuilder().id("j-" + name).build();
  }

  /** An accepted execution of {@code job} on this node, needing one CPU. */
  static Execution execution(String id, Job job) {
    return Execution.builder()
        .id(id)
        .namespace(job.namespace())
        .evalId("ev-1")
        .nodeId("n-test")
        .jobId(job.id())
        .jobVersion(1)
        .allocatedResources(AllocatedResources.of(job.task().name(), ONE_CPU))
        .desiredState(State.of(ExecutionDesiredStateType.RUNNING))
        .computeState(State.of(ExecutionStateType.BID_ACCEPTED))
        .revision(1)
        .build();
  }

  private ComputeCallback recorder() {
    return new ComputeCallback() {
      @Override
      public void bidResult(String executionId, boolean accepted, String reason) {
        reports.add("bid " + executionId);
      }

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
