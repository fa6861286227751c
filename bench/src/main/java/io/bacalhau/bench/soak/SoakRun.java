package io.bacalhau.bench.soak;

import io.bacalhau.bench.ServedNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One soak: starts the node, warms it up with one client (so pools that start lazily exist before
 * the baseline is taken), lets {@code clients} clients loose for the duration, drains, waits for
 * threads and descriptors to settle, and stops the node. Everything lives in {@code dir}.
 */
public final class SoakRun {
  private static final int WARM_UP_OPS = 30;

  private SoakRun() {}

  public static SoakReport run(SoakSettings settings, Path dir) throws Exception {
    JobSpecs specs = new JobSpecs(settings.wasmModule(), settings.duration().plusMinutes(10));
    JobLedger ledger = new JobLedger();
    try (ServedNode node =
            ServedNode.start(settings.dist(), dir.resolve("data"), dir.resolve("serve.log"));
        ApiClient checker = new ApiClient(node.base())) {
      SoakSettings warmUp =
          new SoakSettings(
              settings.dist(),
              1,
              Duration.ofMinutes(1),
              Duration.ZERO,
              WARM_UP_OPS,
              settings.sampleEvery(),
              settings.wasmModule());
      new SoakClient(
              -1, node.base(), warmUp, deadline(warmUp.duration()), specs, ledger, new OpStats())
          .run();
      Drain.await(checker, ledger.all(), settings.drainTimeout());
      ProcStats baseline = quietSample(node.pid());
      java.util.Map<String, Integer> baselineFds = FdKinds.of(node.pid());

      OpStats stats = new OpStats();
      List<ProcStats> load;
      long loadMillis;
      ProcStats loadEnd;
      try (ProcSampler sampler = new ProcSampler(node.pid(), settings.sampleEvery())) {
        long start = System.nanoTime();
        long deadline = deadline(settings.duration());
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
          SoakClient c = new SoakClient(i, node.base(), settings, deadline, specs, ledger, stats);
          clients.add(Thread.ofPlatform().name("soak-client-" + i).start(c));
        }
        // A client's last call may still be a long logs follow; past this bound it is hung.
        long joinBy = deadline + TimeUnit.MINUTES.toNanos(3);
        for (Thread t : clients) {
          long left = Math.max(1, (joinBy - System.nanoTime()) / 1_000_000);
          if (!t.join(Duration.ofMillis(left))) {
            stats.error("client", t.getName() + " still running 3 minutes after the deadline");
            t.interrupt();
          }
        }
        loadMillis = (System.nanoTime() - start) / 1_000_000;
        loadEnd = sampler.sample();
        load = sampler.samples();
      }
      Drain.Outcome drain = Drain.await(checker, ledger.all(), settings.drainTimeout());
      long settleStart = System.nanoTime();
      ProcStats settled = settle(node.pid(), baseline, settings.settle());
      long settleMillis = (System.nanoTime() - settleStart) / 1_000_000;
      java.util.Map<String, Integer> fdGrowth = FdKinds.growth(baselineFds, FdKinds.of(node.pid()));
      return new SoakReport(
          settings,
          loadMillis,
          stats.rows(),
          stats.messages(),
          ledger.size(),
          drain,
          MemoryCurve.of(load),
          baseline,
          loadEnd,
          settled,
          settleMillis,
          fdGrowth,
          node.alive(),
          uncaught(node.log()),
          loadAverage());
    }
  }

  /** After a pause, so the warm-up's last connections and streams are gone. */
  private static ProcStats quietSample(long pid) throws InterruptedException {
    Thread.sleep(3000);
    return ProcStats.of(pid, 0);
  }

  /** Samples once a second until threads and descriptors are back within slack, or time is up. */
  private static ProcStats settle(long pid, ProcStats baseline, Duration limit)
      throws InterruptedException {
    long deadline = deadline(limit);
    while (true) {
      ProcStats now = ProcStats.of(pid, 0);
      boolean back =
          now.threads() <= baseline.threads() + SoakReport.THREAD_SLACK
              && now.fds() <= baseline.fds() + SoakReport.FD_SLACK;
      if (back || System.nanoTime() > deadline) {
        return now;
      }
      Thread.sleep(1000);
    }
  }

  private static long deadline(Duration d) {
    return System.nanoTime() + d.toNanos();
  }

  /** Stack traces of threads that died in the node, counted from its log. */
  private static long uncaught(Path log) throws IOException {
    try (var lines = Files.lines(log)) {
      return lines.filter(l -> l.startsWith("Exception in thread")).count();
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
