package io.bacalhau.cli.cluster;

import static io.bacalhau.cli.cluster.SilentComputeNodeIT.connected;
import static io.bacalhau.cli.cluster.SilentComputeNodeIT.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.cli.CliRunner;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.NodeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wall clock stepped by an hour (as NTP does to a machine that was far off) on the orchestrator
 * or on a compute node, with libfaketime. Heartbeat timeouts are intervals: no node may be
 * disconnected because the clock moved forward, a node that falls silent must still be disconnected
 * within the disconnect timeout after it moved back, and a running job with a total timeout of 30
 * minutes completes once, without a timeout. A job's TotalTimeout and QueueTimeout are not cut
 * short by the step either, and still run out after their real time.
 */
class ClockJumpIT {
  /**
   * The fixture's disconnect timeout (3 s), one health check (1 s), faketime's cache (1 s), margin.
   */
  private static final Duration SETTLE = Duration.ofSeconds(7);

  /**
   * A JVM under libfaketime starts slowly on a loaded machine, and its first heartbeat came later
   * than 3 s (the node was disconnected and joined again while the job was submitted, which then
   * found no node): the compute test gives its node 10 s, and watches for longer.
   */
  private static final String SLOW_START = "Orchestrator.NodeManager.DisconnectTimeout=10s";

  private static final Duration SLOW_SETTLE = Duration.ofSeconds(14);

  private static final String THIRTY_MINUTES =
      "Timeouts: {ExecutionTimeout: 1800, TotalTimeout: 1800}";

  @TempDir Path dir;

  @Test
  void theOrchestratorsClockSteppedAnHourNeitherWayDisconnectsNodesWronglyOrTimesOutJobs()
      throws Exception {
    FakeClock clock = new FakeClock(dir);
    try (ClusterFixture cluster = new ClusterFixture(dir).env(clock.env()).orchestrator()) {
      cluster.env(Map.of());
      Process quiet = cluster.compute("clock-1", ClusterFixture.TOKEN);
      cluster.compute("clock-2", ClusterFixture.TOKEN);
      cluster.awaitNodes("both nodes beating", nodes -> beating(nodes) == 2);
      String id = submit(cluster.client(), "orchestrator-clock-forward", 8_000, "");
      awaitRunning(cluster, id);

      clock.jump("+1h");
      assertStayConnected(
          cluster, 2, SETTLE, "after the orchestrator's clock moved an hour forward");
      assertCompletedOnce(cluster, id);

      // A node whose last heartbeat was stamped an hour ahead falls silent as the clock is set
      // back: it must still be disconnected within the disconnect timeout, not an hour later.
      Signals.stop(quiet.pid());
      try {
        clock.jump("+0");
        long start = System.nanoTime();
        ClusterFixture.await(
            "clock-1 disconnected",
            () -> cluster.api().nodes(),
            nodes ->
                state(nodes, "clock-1").connection() == NodeConnection.DISCONNECTED
                    || System.nanoTime() - start > Duration.ofSeconds(30).toNanos());
        assertEquals(
            NodeConnection.DISCONNECTED,
            state(cluster.api().nodes(), "clock-1").connection(),
            "a silent node still connected 30 s after the orchestrator's clock moved back");
      } finally {
        Signals.resume(quiet.pid());
      }
      cluster.awaitNodes("clock-1 back", nodes -> connected(nodes) == 2);
      String after = submit(cluster.client(), "orchestrator-clock-back", 2_000, "");
      assertCompletedOnce(cluster, after);
    }
  }

  /**
   * Regression: both timeouts counted from submission on the orchestrator's wall clock, so an hour
   * forward failed a running job as timed out and a queued job as short of nodes at once.
   */
  @Test
  void theOrchestratorsClockSteppedAnHourForwardCutsNoJobsTimeoutShort() throws Exception {
    FakeClock clock = new FakeClock(dir);
    try (ClusterFixture cluster =
        new ClusterFixture(dir).env(clock.env()).orchestrator(SLOW_START)) {
      cluster.env(Map.of());
      cluster.compute("clock-1", ClusterFixture.TOKEN);
      cluster.awaitNodes("the node beating", nodes -> beating(nodes) == 1);
      long submitted = System.nanoTime();
      String running =
          submit(cluster.client(), "total-timeout", 120_000, "Timeouts: {TotalTimeout: 45}");
      // More CPU than any node has: it waits for a node until its QueueTimeout.
      String queued =
          submit(
              cluster.client(),
              "queue-timeout",
              0,
              "Timeouts: {QueueTimeout: 45, TotalTimeout: 90}\n    Resources: {CPU: \"1000\"}");
      awaitRunning(cluster, running);

      clock.jump("+1h");
      long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
      while (System.nanoTime() < end) {
        for (String id : List.of(running, queued)) {
          JobStateType state = cluster.api().job(id, "default").stateType();
          assertTrue(
              !state.isTerminal(),
              id
                  + " ended after the clock moved an hour: "
                  + cluster.api().describe(id, "default", 0).history());
        }
        Thread.sleep(250);
      }

      assertFailedAfter(cluster, running, "Job timed out. Job took longer than 45s", submitted);
      assertFailedAfter(cluster, queued, "not enough nodes", submitted);
    }
  }

  @Test
  void aComputeNodesClockSteppedAnHourNeitherWayKeepsItConnectedAndItsJobRunning()
      throws Exception {
    FakeClock clock = new FakeClock(dir);
    try (ClusterFixture cluster = new ClusterFixture(dir).orchestrator(SLOW_START)) {
      cluster.env(clock.env()).compute("skewed", ClusterFixture.TOKEN);
      cluster.awaitNodes("the node beating", nodes -> beating(nodes) == 1);
      String id = submit(cluster.client(), "compute-clock-jumps", 12_000, THIRTY_MINUTES);
      awaitRunning(cluster, id);

      clock.jump("+1h");
      assertStayConnected(
          cluster, 1, SLOW_SETTLE, "after the compute node's clock moved an hour forward");
      clock.jump("-1h");
      assertStayConnected(
          cluster, 1, SLOW_SETTLE, "after the compute node's clock moved two hours back");
      assertCompletedOnce(cluster, id);
    }
  }

  /** A noop job that sleeps, with {@code timeouts} (a line of the task, or empty); its id. */
  private String submit(CliRunner client, String name, long sleepMillis, String timeouts)
      throws Exception {
    Path spec = dir.resolve(name + ".yaml");
    Files.writeString(
        spec,
        """
        Name: %s
        Type: batch
        Tasks:
          - Name: main
            %s
            Engine: {Type: noop, Params: {SleepMillis: %d}}
        """
            .formatted(name, timeouts, sleepMillis));
    CliRunner.Result run = client.run("job", "run", spec.toString(), "--wait=false", "--id-only");
    assertEquals(0, run.exitCode(), run.toString());
    return run.out().strip();
  }

  private static void awaitRunning(ClusterFixture cluster, String id) throws Exception {
    ClusterFixture.await(
        "an execution running",
        () -> cluster.executions(id),
        es -> es.stream().anyMatch(e -> e.computeStateType() == ExecutionStateType.RUNNING));
  }

  /** Connected nodes that have sent a heartbeat since they joined. */
  private static long beating(List<NodeState> nodes) {
    return nodes.stream()
        .filter(n -> n.connection() == NodeConnection.CONNECTED)
        .filter(
            n -> n.connectionState().lastHeartbeat().isAfter(n.connectionState().connectedSince()))
        .count();
  }

  /** Every look at the nodes for {@code settle} finds {@code count} of them connected. */
  private static void assertStayConnected(
      ClusterFixture cluster, int count, Duration settle, String when) throws Exception {
    long end = System.nanoTime() + settle.toNanos();
    while (System.nanoTime() < end) {
      List<NodeState> nodes = cluster.api().nodes();
      assertEquals(count, connected(nodes), "a node disconnected " + when + ": " + nodes);
      Thread.sleep(250);
    }
  }

  /** The job fails with {@code message}, not before 45 s of real time since {@code submitted}. */
  private static void assertFailedAfter(
      ClusterFixture cluster, String id, String message, long submitted) throws Exception {
    ClusterFixture.await(
        "job " + id + " ended",
        () -> cluster.api().job(id, "default"),
        j -> j.stateType().isTerminal());
    long seconds = Duration.ofNanos(System.nanoTime() - submitted).toSeconds();
    var job = cluster.api().job(id, "default");
    assertEquals(JobStateType.FAILED, job.stateType(), job.state().message());
    assertTrue(job.state().message().startsWith(message), job.state().message());
    assertTrue(seconds >= 44, id + " failed " + seconds + " s after its submission, not 45");
  }

  private static void assertCompletedOnce(ClusterFixture cluster, String id) throws Exception {
    ClusterFixture.await(
        "job " + id + " ended",
        () -> cluster.api().job(id, "default"),
        j -> j.stateType().isTerminal());
    List<Execution> executions = cluster.executions(id);
    assertEquals(
        JobStateType.COMPLETED,
        cluster.api().job(id, "default").stateType(),
        cluster.api().describe(id, "default", 0).history().toString());
    assertEquals(1, executions.size(), executions.toString());
    assertTrue(
        executions.get(0).computeStateType() == ExecutionStateType.COMPLETED,
        executions.toString());
  }
}
