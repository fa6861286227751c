package io.bacalhau.bench.crash;

import io.bacalhau.bench.crash.Verdict.Outcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One round against the cluster: a burst of submissions to the orchestrator's API, a SIGKILL of the
 * orchestrator, a compute node or the broker (mid-burst or while the jobs run), the restart, then
 * every job acknowledged in the round checked by {@link JobChecker}, and the cluster whole again
 * (every compute node connected) before the next round.
 */
final class ClusterIteration {
  private final CrashCluster cluster;
  private final NodeApi api;
  private final CliSubmitter cli;
  private final List<JobKind> kinds;
  private final Iteration.Settings settings;
  private final Path scratch;
  private final ClusterFaults faults;

  ClusterIteration(
      CrashCluster cluster,
      CliSubmitter cli,
      List<JobKind> kinds,
      Iteration.Settings settings,
      Path scratch,
      ClusterFaults faults) {
    this.cluster = cluster;
    this.api = new NodeApi(cluster.apiPort());
    this.cli = cli;
    this.kinds = kinds;
    this.settings = settings;
    this.scratch = scratch;
    this.faults = faults;
  }

  /** Kills {@code target} mid-burst ({@code midBurst}) or while the burst's jobs run. */
  Totals run(
      int number,
      ClusterTarget target,
      boolean midBurst,
      List<String> failures,
      List<Submitted> ever)
      throws IOException, InterruptedException {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    Totals t = new Totals();
    t.iterations = 1;
    String where = "iteration " + number + " (" + target + (midBurst ? " mid-burst" : "") + ")";
    Burst burst = new Burst(kinds, "c" + number);
    burst.start(api, cli, settings.httpClients(), settings.jobsPerClient(), settings.cliClients());
    if (midBurst) {
      burst.awaitFirst(60);
    } else {
      burst.await(120);
    }
    Thread.sleep(r.nextLong(0, 1500));
    long killed = System.nanoTime();
    String detail;
    try {
      detail = kill(target, where, t, failures);
    } catch (IllegalStateException e) { // a process that does not come back: report, go on
      t.unhealed++;
      failures.add(where + ": " + e.getMessage());
      detail = "not restarted";
    }
    burst.await(120);
    long restarted = System.nanoTime();
    int connected = awaitConnected(90);
    if (connected != cluster.computeNodes()) {
      t.unhealed++;
      failures.add(
          where
              + ": "
              + connected
              + " of "
              + cluster.computeNodes()
              + " compute nodes connected 90 s after the restart");
    }
    List<Submitted> acked = burst.acknowledged();
    t.acknowledged = acked.size();
    ever.addAll(acked);
    JobChecker checker = new JobChecker(api, TimeUnit.SECONDS.toNanos(settings.boundSeconds()));
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Verdict>> verdicts = new ArrayList<>();
      for (Submitted s : acked) {
        verdicts.add(pool.submit(() -> checker.check(s, false, 0)));
      }
      for (Future<Verdict> f : verdicts) {
        Verdict v;
        try {
          v = f.get();
        } catch (ExecutionException e) {
          v = Verdict.of(Outcome.STUCK, "?", "check failed: " + e.getCause());
        }
        t.outcomes.merge(v.outcome(), 1, Integer::sum);
        if (v.outcome() != Outcome.OK) {
          failures.add(where + ": " + v.outcome() + " " + v.detail());
        }
      }
    }
    List<String> exited = cluster.exited();
    if (!exited.isEmpty()) {
      t.unhealed++;
      failures.add(where + ": exited by itself: " + exited);
    }
    t.phases =
        "%s; kill->up %.1f s, checks %.1f s"
            .formatted(detail, (restarted - killed) / 1e9, (System.nanoTime() - restarted) / 1e9);
    return t;
  }

  /** Kills and restarts the target; says what it did. */
  private String kill(ClusterTarget target, String where, Totals t, List<String> failures)
      throws IOException, InterruptedException {
    t.kills = 1;
    switch (target) {
      case ORCHESTRATOR -> {
        cluster.killOrchestrator();
        integrity(cluster.orchestratorData(), where, t, failures);
        cluster.startOrchestrator();
        return "orchestrator";
      }
      case COMPUTE -> {
        int i = ThreadLocalRandom.current().nextInt(cluster.computeNodes());
        cluster.killCompute(i);
        // Back before the disconnect timeout as often as after it: both paths get exercised.
        long d = faults.disconnectMillis();
        long pause =
            faults.quickComputeRestarts()
                ? ThreadLocalRandom.current().nextLong(0, d * 2)
                : ThreadLocalRandom.current().nextLong(d + 2000, d + 4000);
        Thread.sleep(pause);
        cluster.startCompute(i);
        return CrashCluster.computeName(i) + " down " + pause + " ms";
      }
      case BROKER -> {
        Optional<ProcessHandle> broker = cluster.broker();
        if (broker.isEmpty()) {
          t.unhealed++;
          failures.add(where + ": the orchestrator has no running nats-server to kill");
          return "no broker";
        }
        long pid = broker.get().pid();
        broker.get().destroyForcibly();
        broker.get().onExit().join();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Optional<ProcessHandle> next = cluster.broker();
        while ((next.isEmpty() || next.get().pid() == pid) && System.nanoTime() < deadline) {
          Thread.sleep(50);
          next = cluster.broker();
        }
        if (next.isEmpty() || next.get().pid() == pid) {
          t.unhealed++;
          failures.add(where + ": nats-server " + pid + " not started again within 60 s");
          return "broker " + pid + " not restarted";
        }
        return "broker " + pid + " -> " + next.get().pid();
      }
    }
    throw new IllegalStateException(target.name());
  }

  private void integrity(Path data, String where, Totals t, List<String> failures)
      throws IOException {
    String integrity = StoreIntegrity.check(data, scratch);
    if (!integrity.equals("ok")) {
      t.integrityFailures++;
      failures.add(where + ": integrity_check: " + integrity);
    }
  }

  /** Waits until the orchestrator lists every compute node as connected; the count last seen. */
  private int awaitConnected(long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int connected = api.connectedNodes();
    while (connected != cluster.computeNodes() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      connected = api.connectedNodes();
    }
    return connected;
  }
}
