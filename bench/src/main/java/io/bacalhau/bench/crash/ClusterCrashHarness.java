package io.bacalhau.bench.crash;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Crash consistency of a cluster: {@code serve --orchestrator} (with the {@code nats-server} it
 * supervises) and two {@code serve --compute} nodes, bursts of submissions to the orchestrator's
 * API, and a {@code kill -9} of the orchestrator, a compute node or the broker in turn, mid-burst
 * or while the jobs run. After each restart the checks of the single-node harness ({@link
 * JobChecker}; {@link StoreIntegrity} on the killed orchestrator's store) and the cluster whole
 * again. Exits 1 when anything acknowledged was lost, stuck, run twice or came back wrong, the
 * store was damaged, or the cluster did not heal.
 *
 * <p>Usage: {@code bench/crash-cluster.sh [iterations=100]}; system properties as {@link
 * CrashHarness}, and {@code crash.disconnect} (the orchestrator's
 * Orchestrator.NodeManager.DisconnectTimeout, default 5s).
 */
public final class ClusterCrashHarness {
  private ClusterCrashHarness() {}

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Path dist =
        Path.of(System.getProperty("bacalhau.dist", "cli/target/bacalhau")).toAbsolutePath();
    String work = System.getProperty("crash.work");
    Path dir = work == null ? Files.createTempDirectory("bacalhau-crash-cluster") : Path.of(work);
    long minutes = Long.getLong("crash.minutes", 0);
    long until =
        minutes > 0 ? System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes) : Long.MAX_VALUE;
    Iteration.Settings settings = new Iteration.Settings(4, 4, 1, 120);
    String disconnect = System.getProperty("crash.disconnect", "5s");
    boolean clean =
        run(dist, dir, iterations, until, settings, ClusterFaults.all(disconnect), System.out);
    System.exit(clean ? 0 : 1);
  }

  /**
   * Runs the iterations against one cluster, starting none after {@code untilNanos}; true when
   * every check held.
   */
  public static boolean run(
      Path dist,
      Path dir,
      int iterations,
      long untilNanos,
      Iteration.Settings settings,
      ClusterFaults faults,
      PrintStream out)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<JobKind> kinds = CrashHarness.installedKinds(dist, out);
    Totals totals = new Totals();
    Map<ClusterTarget, Integer> kills = new EnumMap<>(ClusterTarget.class);
    List<String> failures = new ArrayList<>();
    List<Submitted> everAcknowledged = new ArrayList<>();
    try (CrashCluster cluster = new CrashCluster(dist, dir, 2, faults.disconnectTimeout())) {
      cluster.startOrchestrator();
      for (int i = 0; i < cluster.computeNodes(); i++) {
        cluster.startCompute(i);
      }
      NodeApi api = new NodeApi(cluster.apiPort());
      CliSubmitter cli = new CliSubmitter(dist, cluster.apiPort(), dir);
      ClusterTarget[] targets = ClusterTarget.values();
      for (int i = 1; i <= iterations && System.nanoTime() - untilNanos < 0; i++) {
        // Each target in turn, mid-burst and mid-execution alternately: a short run covers all six.
        ClusterTarget target = targets[(i - 1) % targets.length];
        boolean midBurst = faults.midBurst() && ((i - 1) / targets.length) % 2 == 0;
        int before = failures.size();
        long started = System.nanoTime();
        ClusterIteration iteration =
            new ClusterIteration(cluster, cli, kinds, settings, dir.resolve("scratch"), faults);
        Totals t = iteration.run(i, target, midBurst, failures, everAcknowledged);
        totals.add(t);
        kills.merge(target, 1, Integer::sum);
        out.printf(
            "iteration %d %-12s %-9s %s (%d s: %s)%n",
            i,
            target,
            midBurst ? "BURST" : "EXECUTION",
            t,
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
            t.phases);
        failures.subList(before, failures.size()).forEach(f -> out.println("  " + f));
        try {
          cluster.restartExited();
        } catch (IllegalStateException e) {
          out.println("  restarting what exited: " + e.getMessage());
        }
      }
      int before = failures.size();
      int lostLater = new Survivors(api).missing(everAcknowledged, failures);
      failures.subList(before, failures.size()).forEach(f -> out.println("  " + f));
      totals.outcomes.merge(Verdict.Outcome.LOST, lostLater, Integer::sum);
    }
    // After a clean stop as well: what the orchestrator left on disk opens and checks out.
    String integrity = StoreIntegrity.check(dir.resolve("orchestrator"), dir.resolve("scratch"));
    if (!integrity.equals("ok")) {
      totals.integrityFailures++;
      out.println("  after the stop: integrity_check: " + integrity);
    }
    out.println(
        "TOTAL " + totals + " kills-per-target=" + kills + " engines=" + kinds + " dir=" + dir);
    return totals.clean();
  }
}
