package io.bacalhau.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bacalhau.client.ApiEndpoint;
import io.bacalhau.client.HttpNodeClient;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.NodeConnection;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives the cluster scale benchmark against a running orchestrator ({@code bench/cluster-scale.sh}
 * starts it, the NATS server and the compute fleets): noop jobs submitted over its HTTP API from
 * {@code concurrency} threads, as fast as it takes them. Reports placed-and-completed jobs/s,
 * placement latency (job created to execution created, the scheduler's decision) and completion
 * latency, NATS messages per job (the server's {@code in_msgs}, heartbeats included) and the
 * orchestrator process's CPU per 1,000 jobs (from {@code /proc/<pid>/stat}).
 *
 * <p>Arguments: API URL, jobs, concurrency, orchestrator pid, NATS monitoring URL, nodes expected.
 */
public final class ClusterScale {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final double TICKS_PER_SECOND = 100.0; // Linux USER_HZ

  private ClusterScale() {}

  public static void main(String[] args) throws Exception {
    URI api = URI.create(args[0]);
    int jobs = Integer.parseInt(args[1]);
    int concurrency = Integer.parseInt(args[2]);
    long orchestratorPid = Long.parseLong(args[3]);
    URI monitor = URI.create(args[4]);
    int nodes = Integer.parseInt(args[5]);
    try (HttpNodeClient client =
        new HttpNodeClient(
            new ApiEndpoint(api, null, null, false, Duration.ofSeconds(60)),
            (r, o, raw, s) -> {})) {
      awaitNodes(client, nodes);
      run(client, "warm-up", Math.min(500, jobs), concurrency, orchestratorPid, monitor, nodes);
      run(client, "measured", jobs, concurrency, orchestratorPid, monitor, nodes);
    }
  }

  private static void run(
      HttpNodeClient client,
      String label,
      int jobs,
      int concurrency,
      long pid,
      URI monitor,
      int nodes)
      throws Exception {
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    List<String> lastOfEachThread = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    long cpu0 = cpuTicks(pid);
    long msgs0 = inMsgs(monitor);
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    String last = null;
                    while (next.getAndIncrement() < jobs) {
                      last = client.submit(noopJob(), false).jobId();
                      ids.add(last);
                    }
                    if (last != null) {
                      lastOfEachThread.add(last);
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double submitSeconds = (System.nanoTime() - start) / 1e9;
    // Only the last job of each submitter is polled inside the measured window, so status queries
    // cost the orchestrator next to nothing; the rest are checked after.
    for (String id : lastOfEachThread) {
      awaitCompleted(client, id);
    }
    long endOfWindow = System.nanoTime();
    long cpu1 = cpuTicks(pid);
    long msgs1 = inMsgs(monitor);
    for (String id : ids) {
      awaitCompleted(client, id);
    }
    long end = System.nanoTime();
    long[] placement = new long[ids.size()];
    long[] completion = new long[ids.size()];
    int extraExecutions = 0;
    for (int i = 0; i < ids.size(); i++) {
      Job job = client.job(ids.get(i), "default");
      List<Execution> executions = client.describe(ids.get(i), "default", 0).executions();
      extraExecutions += executions.size() - 1;
      Execution done =
          executions.stream()
              .filter(e -> e.computeStateType() == ExecutionStateType.COMPLETED)
              .findFirst()
              .orElseThrow();
      placement[i] = done.createTime() - job.createTime();
      completion[i] = done.modifyTime() - job.createTime();
    }
    Arrays.sort(placement);
    Arrays.sort(completion);
    double seconds = (end - start) / 1e9;
    double windowSeconds = (endOfWindow - start) / 1e9;
    double cpuSeconds = (cpu1 - cpu0) / TICKS_PER_SECOND;
    long messages = msgs1 - msgs0;
    System.out.printf(
        "%-8s %6d jobs on %d nodes, %d submitters: %6.0f jobs/s placed and completed (submitted"
            + " at %.0f/s)%n"
            + "         placement p50 %6.1f ms  p99 %7.1f ms;  submit-to-completed p50 %6.1f ms"
            + "  p99 %7.1f ms%n"
            + "         NATS messages per job %.2f (heartbeats included);  orchestrator CPU %.2f"
            + " s per 1,000 jobs (%.0f jobs per CPU-second);  extra executions %d%n",
        label,
        ids.size(),
        nodes,
        concurrency,
        ids.size() / seconds,
        ids.size() / submitSeconds,
        percentile(placement, 0.50) / 1e6,
        percentile(placement, 0.99) / 1e6,
        percentile(completion, 0.50) / 1e6,
        percentile(completion, 0.99) / 1e6,
        messages / (double) ids.size(),
        cpuSeconds / ids.size() * 1000,
        ids.size() / cpuSeconds,
        extraExecutions);
    System.out.printf(
        "         (window for CPU and messages: %.2f s of %.2f s)%n", windowSeconds, seconds);
  }

  private static Job noopJob() {
    return Job.builder()
        .type(JobType.BATCH)
        .count(1)
        .task(Task.builder().name("main").engine(SpecConfig.of("noop", Map.of())).build())
        .build();
  }

  private static void awaitCompleted(HttpNodeClient client, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      Job job = client.job(id, "default");
      if (job.stateType() == JobStateType.COMPLETED) {
        return;
      }
      if (job.stateType().isTerminal() || System.nanoTime() > deadline) {
        throw new IllegalStateException("job " + id + " ended " + job.stateType());
      }
      Thread.sleep(20);
    }
  }

  private static void awaitNodes(HttpNodeClient client, int nodes) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (client.nodes().stream().filter(n -> n.connection() == NodeConnection.CONNECTED).count()
        < nodes) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("fewer than " + nodes + " compute nodes connected");
      }
      Thread.sleep(250);
    }
  }

  /** User plus system time of the whole process (every thread), in clock ticks. */
  private static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static long inMsgs(URI monitor) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(monitor.resolve("/varz")).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode varz = JSON.readTree(r.body());
    return varz.get("in_msgs").asLong();
  }

  private static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)];
  }
}
