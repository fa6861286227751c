package io.bacalhau.bench;

import io.bacalhau.core.client.JobQuery;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.NodeProviders;
import io.bacalhau.core.node.NodeSetup;
import io.bacalhau.core.providers.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Submits noop jobs through the embedded node with the real SQLite store and reports how fast they
 * reach a terminal state. Two runs: an open loop (everything submitted at once: jobs/s) and a
 * closed loop with a few jobs in flight (submit-to-completed latency, p50/p99). Latency is taken
 * from the store's own timestamps: CreateTime at submit, ModifyTime at the terminal state.
 *
 * <p>Usage: {@code bench/run.sh [jobs] [inFlight]}.
 */
public final class SubmitBenchmark {
  private SubmitBenchmark() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    System.out.printf("noop jobs through the embedded node, SQLite store (WAL)%n");
    run("warm-up (open loop)", 500, Integer.MAX_VALUE);
    run("open loop", jobs, Integer.MAX_VALUE);
    run("closed loop, " + inFlight + " in flight", jobs, inFlight);
    run("closed loop, 1 in flight", Math.min(jobs, 1000), 1);
  }

  private static void run(String label, int jobs, int inFlight) throws Exception {
    Path dataDir = Files.createTempDirectory("bacalhau-bench");
    try (EmbeddedNodeClient client = client(dataDir)) {
      client.startWorking();
      List<String> pending = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < jobs; i++) {
        while (pending.size() >= inFlight) {
          client.awaitChange(Duration.ofMillis(2));
          pending.removeIf(id -> client.job(id, "").stateType().isTerminal());
        }
        pending.add(client.submit(job("bench-" + i), false).jobId());
      }
      while (!pending.isEmpty()) {
        client.awaitChange(Duration.ofMillis(100));
        pending.removeIf(id -> client.job(id, "").stateType().isTerminal());
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      report(label, jobs, seconds, terminal(client));
    } finally {
      deleteTree(dataDir);
    }
  }

  private static List<Job> terminal(EmbeddedNodeClient client) {
    return client.list(JobQuery.all()).stream().filter(j -> j.stateType().isTerminal()).toList();
  }

  private static void report(String label, int jobs, double seconds, List<Job> done) {
    long failed = done.stream().filter(j -> j.stateType() != JobStateType.COMPLETED).count();
    long[] latencies = done.stream().mapToLong(j -> j.modifyTime() - j.createTime()).toArray();
    Arrays.sort(latencies);
    System.out.printf(
        "%-28s %6d jobs  %7.1f jobs/s  p50 %7.2f ms  p99 %7.2f ms  not completed: %d%n",
        label,
        jobs,
        jobs / seconds,
        millis(percentile(latencies, 0.50)),
        millis(percentile(latencies, 0.99)),
        failed);
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static Job job(String name) {
    return Job.builder()
        .name(name)
        .type(JobType.BATCH)
        .count(1)
        .task(Task.builder().name("main").engine(SpecConfig.of("noop", Map.of())).build())
        .build();
  }

  private static EmbeddedNodeClient client(Path dataDir) {
    NodeSetup setup = NodeSetup.builtinOnly(dataDir);
    ProviderRegistry registry = NodeProviders.open(setup).registry();
    return new EmbeddedNodeClient(setup, () -> registry, () -> {});
  }

  private static void deleteTree(Path dir) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (var walk = Files.walk(dir)) {
      walk.forEach(paths::add);
    }
    for (int i = paths.size() - 1; i >= 0; i--) {
      Files.deleteIfExists(paths.get(i));
    }
  }
}
