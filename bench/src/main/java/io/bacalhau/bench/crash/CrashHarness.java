package io.bacalhau.bench.crash;

import io.bacalhau.bench.ServedNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Crash consistency of a served node: bursts of submissions over HTTP and the CLI, a {@code kill
 * -9} of {@code bacalhau serve} at a random point (mid-burst, mid-execution, right after stops or
 * reruns), then a restart and the checks of {@link JobChecker} and {@link StoreIntegrity}. Prints
 * one line per iteration and the totals; exits 1 when anything acknowledged was lost, stuck, run
 * twice or came back wrong, or the store was damaged.
 *
 * <p>Usage: {@code bench/crash.sh [iterations=100]}; system properties {@code bacalhau.dist} (the
 * packaged distribution, default {@code cli/target/bacalhau}) and {@code crash.work} (a folder for
 * the data dir and logs, default a new temporary one), {@code crash.minutes} (start no iteration
 * after that many minutes).
 */
public final class CrashHarness {
  private CrashHarness() {}

  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Path dist =
        Path.of(System.getProperty("bacalhau.dist", "cli/target/bacalhau")).toAbsolutePath();
    String work = System.getProperty("crash.work");
    Path dir = work == null ? Files.createTempDirectory("bacalhau-crash") : Path.of(work);
    Iteration.Settings settings = new Iteration.Settings(6, 5, 3, 120);
    long minutes = Long.getLong("crash.minutes", 0);
    long until =
        minutes > 0 ? System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes) : Long.MAX_VALUE;
    boolean clean = run(dist, dir, iterations, until, settings, System.out);
    System.exit(clean ? 0 : 1);
  }

  /**
   * Runs the iterations against one data dir, starting none after {@code untilNanos} ({@link
   * System#nanoTime()}); true when every check held.
   */
  public static boolean run(
      Path dist,
      Path dir,
      int iterations,
      long untilNanos,
      Iteration.Settings settings,
      PrintStream out)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<JobKind> kinds = installedKinds(dist, out);
    Totals totals = new Totals();
    List<String> failures = new ArrayList<>();
    List<Submitted> everAcknowledged = new ArrayList<>();
    try (ServedNode node = new ServedNode(dist, dir.resolve("data"), dir.resolve("serve.log"))) {
      node.start();
      CliSubmitter cli = new CliSubmitter(dist, node.apiPort(), dir);
      KillPoint[] points = KillPoint.values();
      for (int i = 1; i <= iterations && System.nanoTime() - untilNanos < 0; i++) {
        // Each kill point in turn, so that a short run covers them all; the moment is random.
        KillPoint point = points[(i - 1) % points.length];
        int before = failures.size();
        long started = System.nanoTime();
        Iteration iteration = new Iteration(node, cli, kinds, settings, dir.resolve("scratch"));
        Totals t = iteration.run(i, point, failures, everAcknowledged);
        totals.add(t);
        out.printf(
            "iteration %d %-9s %s (%d s: %s)%n",
            i, point, t, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), t.phases);
        failures.subList(before, failures.size()).forEach(f -> out.println("  " + f));
      }
      int before = failures.size();
      int lostLater =
          new Survivors(new NodeApi(node.apiPort())).missing(everAcknowledged, failures);
      failures.subList(before, failures.size()).forEach(f -> out.println("  " + f));
      totals.outcomes.merge(Verdict.Outcome.LOST, lostLater, Integer::sum);
    }
    out.println("TOTAL " + totals + " engines=" + kinds + " dir=" + dir);
    return totals.clean();
  }

  /**
   * noop always; wasm and docker when the distribution bundles them (docker: a daemon with
   * busybox).
   */
  static List<JobKind> installedKinds(Path dist, PrintStream out)
      throws IOException, InterruptedException {
    List<JobKind> kinds = new ArrayList<>(List.of(JobKind.NOOP));
    Path hello = helloWasm(dist);
    if (Files.exists(dist.resolve("plugins/engine-wasm.zip")) && hello != null) {
      JobKind.useWasmModule(Files.readAllBytes(hello));
      kinds.add(JobKind.WASM);
    }
    if (Files.exists(dist.resolve("plugins/engine-docker.zip")) && dockerHasBusybox()) {
      kinds.add(JobKind.DOCKER);
    } else {
      out.println("docker: no daemon with busybox:latest here; no Docker jobs");
    }
    return kinds;
  }

  /**
   * The engine-wasm example module: {@code crash.wasm}, else found from the distribution's place in
   * the checkout.
   */
  private static Path helloWasm(Path dist) {
    String given = System.getProperty("crash.wasm");
    if (given != null) {
      return Path.of(given);
    }
    for (Path p = dist; p != null; p = p.getParent()) {
      Path candidate = p.resolve("plugins/engine-wasm/examples/hello.wasm");
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean dockerHasBusybox() throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder("docker", "image", "inspect", "busybox:latest")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
