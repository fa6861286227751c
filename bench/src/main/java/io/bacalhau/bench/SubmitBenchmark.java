package io.bacalhau.bench;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.NodeProviders;
import io.bacalhau.core.node.NodeSetup;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.store.JobStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Submits noop jobs through the embedded node with the real SQLite store, each submission durable
 * before it is acknowledged, from a fixed number of threads that each submit a job and wait for it
 * to complete (a closed loop: that many jobs in flight). Reports jobs/s and the submit-to-completed
 * latency each thread saw (p50/p99) and the process's CPU time per job, on a fresh store and again
 * once it holds {@code fill} jobs.
 *
 * <p>Usage: {@code bench/run.sh [inFlight=8] [jobsPerRun=20000] [fill=100000]}.
 */
public final class SubmitBenchmark {
  // CPU time is what a shared machine cannot blur: jobs/s there depends on the neighbours' load.
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private int stored;

  private SubmitBenchmark() {}

  public static void main(String[] args) throws Exception {
    int inFlight = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int fill = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    Path dataDir = Files.createTempDirectory("bacalhau-bench");
    try (EmbeddedNodeClient client = client(dataDir)) {
      client.startWorking();
      SubmitBenchmark bench = new SubmitBenchmark();
      System.out.printf("noop jobs through the embedded node, durable SQLite store%n");
      bench.run(client, "warm-up", Math.min(jobs, 2000), inFlight);
      bench.run(client, inFlight + " in flight, new store", jobs, inFlight);
      bench.run(client, "1 in flight", Math.min(jobs, 2000), 1);
      if (bench.stored < fill) {
        bench.run(client, "filling, 32 in flight", fill - bench.stored, 32);
      }
      bench.run(client, inFlight + " in flight, " + bench.stored + " stored", jobs, inFlight);
    } finally {
      deleteTree(dataDir);
    }
  }

  private void run(EmbeddedNodeClient client, String label, int jobs, int inFlight)
      throws InterruptedException {
    long[] latencies = new long[jobs];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger notCompleted = new AtomicInteger();
    String prefix = "bench-" + stored + "-";
    Runnable submitter =
        () -> {
          for (int i = next.getAndIncrement(); i < jobs; i = next.getAndIncrement()) {
            long start = System.nanoTime();
            String id = client.submit(job(prefix + i), false).jobId();
            Job job = awaitTerminal(client, id);
            latencies[i] = System.nanoTime() - start;
            if (job.stateType() != JobStateType.COMPLETED) {
              notCompleted.incrementAndGet();
            }
          }
        };
    List<Thread> threads = new ArrayList<>();
    long cpuStart = CPU.getProcessCpuTime();
    Map<String, Long> ioStart = io();
    JobStore.Stats before = client.node().store().stats();
    long start = System.nanoTime();
    for (int t = 0; t < inFlight; t++) {
      threads.add(Thread.ofPlatform().start(submitter));
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMicrosPerJob = (CPU.getProcessCpuTime() - cpuStart) / 1e3 / jobs;
    JobStore.Stats after = client.node().store().stats();
    Map<String, Long> ioEnd = io();
    stored += jobs;
    Arrays.sort(latencies);
    System.out.printf(
        "%-26s %6d jobs %5.0f jobs/s  p50 %5.2f ms  p99 %6.2f ms  cpu %4.0f us/job"
            + "  per job: %.2f commits %.2f fsyncs %.0f write calls %.1f KB written"
            + " %.0f read calls  failed: %d%n",
        label,
        jobs,
        jobs / seconds,
        percentile(latencies, 0.50) / 1e6,
        percentile(latencies, 0.99) / 1e6,
        cpuMicrosPerJob,
        (after.commits() - before.commits()) / (double) jobs,
        (after.fsyncs() - before.fsyncs()) / (double) jobs,
        perJob(ioStart, ioEnd, "syscw", jobs),
        perJob(ioStart, ioEnd, "wchar", jobs) / 1024,
        perJob(ioStart, ioEnd, "syscr", jobs),
        notCompleted.get());
  }

  /**
   * The process's read and write system calls and bytes so far (Linux's /proc/self/io): counts a
   * shared machine does not blur, unlike time. Empty elsewhere.
   */
  private static Map<String, Long> io() {
    Map<String, Long> counts = new java.util.HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
        String[] kv = line.split(":\\s*");
        counts.put(kv[0], Long.parseLong(kv[1].trim()));
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: the counts print as 0.
    }
    return counts;
  }

  private static double perJob(
      Map<String, Long> start, Map<String, Long> end, String key, int jobs) {
    return (end.getOrDefault(key, 0L) - start.getOrDefault(key, 0L)) / (double) jobs;
  }

  private static Job awaitTerminal(EmbeddedNodeClient client, String id) {
    try {
      while (true) {
        Job job = client.job(id, "");
        if (job.stateType().isTerminal()) {
          return job;
        }
        client.awaitChange(id, Duration.ofMillis(100));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
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
