package io.bacalhau.core.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.NodeInfo;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.RunCommandResult;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.node.NodeProviders;
import io.bacalhau.core.node.NodeSetup;
import io.bacalhau.core.protocol.ComputeRouter;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random interleavings of what compute can say — bids accepted or rejected, runs that complete,
 * fail, report twice or contradict themselves — plus stops, against the real orchestrator and
 * store. Whatever happens: a terminal execution never changes again, history only grows and stays
 * ordered, a completed batch job has every partition completed, and every job ends terminal.
 */
class ExecutionStateMachineTest {
  private static final NodeInfo NODE = node("n-test");

  /** Count up to 3 needs as many nodes: one node never holds two partitions of a job. */
  private static NodeInfo node(String id) {
    return new NodeInfo(
        id,
        Map.of(),
        List.of("noop"),
        List.of("noop"),
        List.of(),
        new Resources(64, 1L << 40, 1L << 40, 0));
  }

  @Test
  void noInterleavingBreaksTheStateMachine() {
    qt().withExamples(40)
        .withShrinkCycles(20)
        .forAll(
            integers().between(1, 3), lists().of(integers().between(0, 11)).ofSizeBetween(1, 40))
        .checkAssert(
            (count, script) -> {
              try {
                run(count, script);
              } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
              }
            });
  }

  private static void run(int count, List<Integer> script)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("bacalhau-sm");
    ScriptedCompute compute = new ScriptedCompute();
    ProviderRegistry registry = registry(dir);
    try (JobStore store = JobStore.open(dir.resolve("jobs.db"));
        Orchestrator orchestrator =
            new Orchestrator(
                store,
                "p-test",
                "n-test",
                registry,
                JobDefaults.BUILT_IN,
                new SchedulerSettings(2, Duration.ofMillis(5)),
                () -> List.of(NODE, node("n-test-2"), node("n-test-3")),
                new JobWatchers(),
                Clock.systemUTC(),
                System::nanoTime)) {
      orchestrator.connect(ComputeRouter.everyNode(compute));
      orchestrator.start();
      String jobId = orchestrator.submit(job(count), false).jobId();
      Map<String, Execution> terminal = new HashMap<>();
      List<JobHistory> history = List.of();
      int step = 0;
      while (!job(store, jobId).stateType().isTerminal()) {
        assertTrue(step < 400, "job " + jobId + " never ended: " + job(store, jobId).stateType());
        ScriptedCompute.Request request = compute.next(20);
        int choice = script.get(step++ % script.size());
        if (request != null) {
          answer(orchestrator, request, choice);
        }
        if (choice == 11) {
          stop(orchestrator, store, jobId);
        }
        checkTerminalExecutionsNeverChange(store, jobId, terminal);
        history = checkHistoryOnlyGrows(store, jobId, history);
      }
      Thread.sleep(20); // let late answers land before the last look
      checkTerminalExecutionsNeverChange(store, jobId, terminal);
      checkCompletedMeansEveryPartition(store, jobId, count);
    } finally {
      registry.close();
      deleteTree(dir);
    }
  }

  /** A stop may race the job's end; refusing to stop a job that has ended is the contract. */
  private static void stop(Orchestrator orchestrator, JobStore store, String jobId) {
    try {
      orchestrator.stop(jobId, "", "stopped by the script");
    } catch (BacalhauException e) {
      assertTrue(job(store, jobId).stateType().isTerminal(), "stop refused: " + e.getMessage());
    }
  }

  /** Compute's answer, chosen by the script: normal, failing, duplicated or contradictory. */
  private static void answer(Orchestrator o, ScriptedCompute.Request request, int choice) {
    String id = request.executionId();
    RunCommandResult ok = RunCommandResult.success("out", "", 0);
    BacalhauException boom =
        BacalhauException.builder(ErrorCode.INTERNAL_ERROR, "scripted failure")
            .component("Test")
            .failsExecution(true)
            .build();
    switch (request) {
      case ScriptedCompute.Ask a -> o.bidResult(id, choice % 4 != 0, "scripted");
      case ScriptedCompute.Start s -> {
        o.progressed(id, ExecutionStateType.RUNNING);
        switch (choice % 5) {
          case 0, 1 -> o.runResult(id, SpecConfig.EMPTY, ok);
          case 2 -> o.computeError(id, boom, RunCommandResult.failure("scripted"));
          case 3 -> {
            o.runResult(id, SpecConfig.EMPTY, ok);
            o.runResult(id, SpecConfig.EMPTY, ok);
          }
          default -> {
            o.computeError(id, boom, RunCommandResult.failure("scripted"));
            o.runResult(id, SpecConfig.EMPTY, ok);
          }
        }
      }
      case ScriptedCompute.Cancel c -> o.cancelled(id, "scripted");
    }
  }

  private static void checkTerminalExecutionsNeverChange(
      JobStore store, String jobId, Map<String, Execution> terminal) {
    for (Execution e : store.read(r -> r.executions(jobId))) {
      Execution before = terminal.get(e.id());
      if (before != null) {
        assertEquals(
            before.computeStateType(),
            e.computeStateType(),
            "execution " + e.id() + " left its terminal state");
        assertEquals(before.revision(), e.revision(), "terminal execution " + e.id() + " changed");
      } else if (e.computeStateType().isTerminal()) {
        terminal.put(e.id(), e);
      }
    }
  }

  /** What was recorded stays as it was, in order; new entries only come after it. */
  private static List<JobHistory> checkHistoryOnlyGrows(
      JobStore store, String jobId, List<JobHistory> before) {
    List<JobHistory> now =
        store.read(r -> r.history(jobId, new HistoryQuery(0, true, "all", "", 0)));
    assertTrue(now.size() >= before.size(), "history lost entries");
    assertEquals(before, now.subList(0, before.size()), "history was rewritten");
    for (int i = 1; i < now.size(); i++) {
      assertTrue(now.get(i - 1).seqNum() < now.get(i).seqNum(), "history out of order at " + i);
    }
    return now;
  }

  private static void checkCompletedMeansEveryPartition(JobStore store, String jobId, int count) {
    if (job(store, jobId).stateType() != JobStateType.COMPLETED) {
      return;
    }
    Set<Integer> completed =
        Set.copyOf(
            store.read(r -> r.executions(jobId)).stream()
                .filter(e -> e.computeStateType() == ExecutionStateType.COMPLETED)
                .map(Execution::partitionIndex)
                .toList());
    for (int p = 0; p < count; p++) {
      assertTrue(completed.contains(p), "job completed without partition " + p);
    }
  }

  private static Job job(JobStore store, String id) {
    return store.read(r -> r.requireJob(id));
  }

  private static Job job(int count) {
    return Job.builder()
        .name("")
        .type(JobType.BATCH)
        .count(count)
        .task(Task.builder().name("main").engine(SpecConfig.of("noop")).build())
        .build();
  }

  private static ProviderRegistry registry(Path dir) {
    return NodeProviders.open(NodeSetup.builtinOnly(dir)).registry();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
