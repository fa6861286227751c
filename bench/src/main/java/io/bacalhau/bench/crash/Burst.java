package io.bacalhau.bench.crash;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A burst of submissions: several HTTP client threads and a few CLI processes at once, each job of
 * a random installed engine, published locally or not, some sleeping long enough to be killed
 * under. Whatever the node acknowledged lands in {@link #acknowledged()}.
 */
final class Burst {
  private static final AtomicLong TOKENS = new AtomicLong();
  private final List<Submitted> acknowledged = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final List<JobKind> kinds;
  private final String run;

  Burst(List<JobKind> kinds, String run) {
    this.kinds = kinds;
    this.run = run;
  }

  void start(NodeApi api, CliSubmitter cli, int httpClients, int jobsPerClient, int cliClients) {
    for (int c = 0; c < httpClients; c++) {
      threads.submit(
          () -> {
            for (int j = 0; j < jobsPerClient; j++) {
              Job job = next();
              api.submit("{\"Job\": " + job.json + "}").ifPresent(id -> ack(id, job, "http"));
            }
            return null;
          });
    }
    for (int c = 0; c < cliClients; c++) {
      threads.submit(
          () -> {
            Job job = next();
            Optional<String> id = cli.submit(job.json, job.token);
            id.ifPresent(i -> ack(i, job, "cli"));
            return null;
          });
    }
    threads.shutdown();
  }

  /** Waits for every client to finish (after a kill they fail fast: connection refused). */
  boolean await(long seconds) throws InterruptedException {
    return threads.awaitTermination(seconds, TimeUnit.SECONDS);
  }

  /** Waits (at most {@code seconds}) until the node acknowledged a first job of the burst. */
  void awaitFirst(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (acknowledged.isEmpty() && !threads.isTerminated() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  List<Submitted> acknowledged() {
    return acknowledged;
  }

  private void ack(String id, Job job, String via) {
    acknowledged.add(new Submitted(id, job.kind, job.token, job.publish, via));
  }

  private record Job(JobKind kind, String token, boolean publish, String json) {}

  private Job next() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    JobKind kind = kinds.get(r.nextInt(kinds.size()));
    String token = "t" + run + "x" + TOKENS.incrementAndGet();
    boolean publish = r.nextInt(3) > 0;
    int sleep = r.nextInt(4) == 0 ? 0 : r.nextInt(200, 2500);
    return new Job(kind, token, publish, kind.job(token, publish, sleep));
  }
}
