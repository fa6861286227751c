package io.bacalhau.bench.crash;

import io.bacalhau.bench.ServedNode;
import io.bacalhau.bench.crash.Verdict.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One round: a burst of submissions against the running node, a SIGKILL at the chosen point, the
 * store's integrity checked on the corpse, a restart, then every job acknowledged in the round
 * checked against what the node promised.
 */
final class Iteration {
  private final ServedNode node;
  private final NodeApi api;
  private final CliSubmitter cli;
  private final List<JobKind> kinds;
  private final Settings settings;
  private final Path scratch;

  /** How much load a round puts on the node, and how long a job may take to end. */
  record Settings(int httpClients, int jobsPerClient, int cliClients, long boundSeconds) {}

  Iteration(
      ServedNode node, CliSubmitter cli, List<JobKind> kinds, Settings settings, Path scratch) {
    this.node = node;
    this.api = new NodeApi(node.apiPort());
    this.cli = cli;
    this.kinds = kinds;
    this.settings = settings;
    this.scratch = scratch;
  }

  Totals run(int number, KillPoint point, List<String> failures, List<Submitted> ever)
      throws IOException, InterruptedException {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    Totals t = new Totals();
    t.iterations = 1;
    Burst burst = new Burst(kinds, String.valueOf(number));
    Map<String, Boolean> stops = new ConcurrentHashMap<>();
    Map<String, Integer> reruns = new ConcurrentHashMap<>();
    burst.start(api, cli, settings.httpClients(), settings.jobsPerClient(), settings.cliClients());
    List<Thread> inFlight = List.of();
    switch (point) {
      case BURST -> {
        burst.awaitFirst(60);
        Thread.sleep(r.nextLong(0, 1500));
      }
      case EXECUTION -> {
        burst.await(120);
        Thread.sleep(r.nextLong(0, 1500));
      }
      case STOP -> {
        burst.await(120);
        inFlight =
            requests(
                burst.acknowledged(), s -> api.stop(s.jobId()) ? stops.put(s.jobId(), true) : null);
        Thread.sleep(r.nextLong(0, 60));
      }
      case RERUN -> {
        burst.await(120);
        Thread.sleep(r.nextLong(500, 2000));
        inFlight =
            requests(
                burst.acknowledged(),
                s -> api.rerun(s.jobId()).map(v -> reruns.put(s.jobId(), v)).orElse(null));
        Thread.sleep(r.nextLong(0, 60));
      }
    }
    long killed = System.nanoTime();
    node.kill();
    t.kills = 1;
    String integrity = StoreIntegrity.check(node.dataDir(), scratch);
    if (!integrity.equals("ok")) {
      t.integrityFailures = 1;
      failures.add("iteration " + number + ": integrity_check: " + integrity);
    }
    node.start();
    // Clients still starting (CLI JVMs) may submit to the new process: those count as well.
    burst.await(120);
    for (Thread request : inFlight) {
      request.join();
    }
    long restarted = System.nanoTime();
    List<Submitted> acked = burst.acknowledged();
    t.acknowledged = acked.size();
    ever.addAll(acked);
    JobChecker checker = new JobChecker(api, TimeUnit.SECONDS.toNanos(settings.boundSeconds()));
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Verdict>> verdicts = new ArrayList<>();
      for (Submitted s : acked) {
        verdicts.add(
            pool.submit(
                () ->
                    checker.check(
                        s, stops.containsKey(s.jobId()), reruns.getOrDefault(s.jobId(), 0))));
      }
      for (Future<Verdict> f : verdicts) {
        Verdict v;
        try {
          v = f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          v = Verdict.of(Outcome.STUCK, "?", "check failed: " + e.getCause());
        }
        t.outcomes.merge(v.outcome(), 1, Integer::sum);
        if (v.outcome() != Outcome.OK) {
          failures.add(
              "iteration " + number + " (" + point + "): " + v.outcome() + " " + v.detail());
        }
      }
    }
    t.phases =
        "kill->up %.1f s, checks %.1f s"
            .formatted((restarted - killed) / 1e9, (System.nanoTime() - restarted) / 1e9);
    return t;
  }

  /** Sends a request for about half the acknowledged jobs at once, without waiting for them. */
  private static List<Thread> requests(
      List<Submitted> acked, java.util.function.Function<Submitted, Object> request) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    List<Thread> threads = new ArrayList<>();
    for (Submitted s : acked) {
      if (r.nextBoolean()) {
        threads.add(Thread.ofVirtual().start(() -> request.apply(s)));
      }
    }
    return threads;
  }
}
