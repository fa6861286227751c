package io.bacalhau.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a soak run measured, and the properties it checks: no error answer, no lost or stuck job,
 * memory on a plateau, threads and descriptors back to their baseline once the load ended.
 */
record SoakReport(
    SoakSettings settings,
    long loadMillis,
    List<OpStats.Row> ops,
    List<String> errorMessages,
    int acknowledged,
    Drain.Outcome drain,
    MemoryCurve memory,
    ProcStats baseline,
    ProcStats loadEnd,
    ProcStats settled,
    long settleMillis,
    java.util.Map<String, Integer> fdGrowth,
    boolean nodeAlive,
    long uncaughtInNodeLog,
    String loadAverage) {

  /**
   * Threads and descriptors a node may keep beyond its baseline (JIT and GC threads come and go).
   */
  static final int THREAD_SLACK = 4;

  static final int FD_SLACK = 4;

  /** Growth over the last half of the load that still counts as a plateau, as a share of peak. */
  static final double PLATEAU_SHARE = 0.10;

  /**
   * A plateau is judged only on a load this long: in its first minute a JVM is still sizing its
   * heap, so a short run's memory rises whatever the code does.
   */
  static final long PLATEAU_AFTER_MILLIS = 120_000;

  /** Every property that does not hold, in words; empty when the run passed. */
  List<String> problems() {
    List<String> p = new ArrayList<>();
    int errors = ops.stream().mapToInt(OpStats.Row::errors).sum();
    if (errors > 0) {
      p.add(errors + " error answers, first: " + errorMessages);
    }
    if (!drain.lost().isEmpty()) {
      p.add(drain.lost().size() + " acknowledged jobs lost, e.g. " + sample(drain.lost()));
    }
    if (!drain.open().isEmpty()) {
      p.add(drain.open().size() + " jobs not terminal after the drain: " + sample(drain.open()));
    }
    double growth = memory.lastHalfGrowthMb(loadMillis);
    if (loadMillis >= PLATEAU_AFTER_MILLIS && growth > PLATEAU_SHARE * memory.peakKb() / 1024.0) {
      p.add(String.format(Locale.ROOT, "RSS still growing: %.1f MB over the last half", growth));
    }
    if (settled.threads() > baseline.threads() + THREAD_SLACK) {
      p.add("threads " + baseline.threads() + " before the load, " + settled.threads() + " after");
    }
    if (settled.fds() > baseline.fds() + FD_SLACK) {
      p.add(
          "file descriptors "
              + baseline.fds()
              + " before the load, "
              + settled.fds()
              + " after; grown: "
              + fdGrowth);
    }
    if (!nodeAlive) {
      p.add("the node exited during the run");
    }
    return p;
  }

  private static String sample(java.util.Set<String> ids) {
    return ids.stream().sorted().limit(5).toList().toString();
  }

  /** The summary table a person reads. */
  String table() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "soak: %d clients, %d s of load, load average at the end %s%n",
            settings.clients(),
            loadMillis / 1000,
            loadAverage));
    b.append(
        String.format(
            Locale.ROOT,
            "%-16s %8s %6s %9s %9s %9s%n",
            "operation",
            "calls",
            "errors",
            "p50 ms",
            "p99 ms",
            "max ms"));
    for (OpStats.Row r : ops) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-16s %8d %6d %9.1f %9.1f %9.1f%n",
              r.op(),
              r.calls(),
              r.errors(),
              r.p50(),
              r.p99(),
              r.max()));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "jobs: %d acknowledged, %d lost, %d not terminal; states %s (drained in %d ms)%n",
            acknowledged,
            drain.lost().size(),
            drain.open().size(),
            drain.states(),
            drain.millis()));
    b.append(
        String.format(
            Locale.ROOT,
            "RSS MB: first %.0f, peak %.0f, last %.0f; slope over the last half %+.2f MB/min%n",
            memory.firstKb() / 1024.0,
            memory.peakKb() / 1024.0,
            memory.lastKb() / 1024.0,
            memory.lastHalfSlopeMbPerMin()));
    b.append(
        String.format(
            Locale.ROOT,
            "threads: baseline %d, end of load %d, settled %d; fds: baseline %d, end of load %d,"
                + " settled %d (settle %d ms)%n",
            baseline.threads(),
            loadEnd.threads(),
            settled.threads(),
            baseline.fds(),
            loadEnd.fds(),
            settled.fds(),
            settleMillis));
    // Reported, not yet judged: LogsEndpoint still lets some exceptions escape (see README).
    b.append(String.format(Locale.ROOT, "node log: %d uncaught exceptions%n", uncaughtInNodeLog));
    List<String> problems = problems();
    b.append(problems.isEmpty() ? "PASS\n" : "FAIL\n  " + String.join("\n  ", problems) + "\n");
    return b.toString();
  }
}
