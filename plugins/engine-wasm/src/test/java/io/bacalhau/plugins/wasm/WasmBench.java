package io.bacalhau.plugins.wasm;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A benchmark, not a test: {@code java -cp <test classpath> io.bacalhau.plugins.wasm.WasmBench
 * [MEGABYTES]}. Prints the cold compile time, a warm run of the noop module, the first run in a
 * fresh process with and without the disk cache, and SHA-256 over MEGABYTES of data in process
 * against node's WASI (when {@code node} is on the PATH).
 */
public final class WasmBench {
  private WasmBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--first-run")) {
      firstRun(Path.of(args[1]), args.length > 2 ? Path.of(args[2]) : null);
      return;
    }
    int mb = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    Path dir = Files.createTempDirectory("wasm-bench");
    Path noop = write(dir, "noop.wasm");
    Path sha = write(dir, "sha256.wasm");

    List<Double> cold = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      cold.add(millis(() -> run(new ChicoryRuntime(null), sha, List.of("0"))));
    }
    System.out.printf(
        "cold compile + run of sha256.wasm (0 MB), in process: median %.1f ms%n", median(cold));

    ChicoryRuntime warm = new ChicoryRuntime(null);
    run(warm, noop, List.of());
    List<Double> noopRuns = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      noopRuns.add(millis(() -> run(warm, noop, List.of())));
    }
    System.out.printf("warm compiled noop run: median %.3f ms%n", median(noopRuns));

    Path cache = Files.createTempDirectory("wasm-bench-cache");
    System.out.printf("fresh process, no disk cache:   %s%n", fresh(sha, null));
    fresh(sha, cache); // fills the disk cache
    System.out.printf("fresh process, disk cache hit:  %s%n", fresh(sha, cache));

    for (int i = 0; i < 3; i++) { // let the JIT finish with the hot functions
      run(warm, sha, List.of(String.valueOf(mb)));
    }
    List<Double> shaRuns = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      shaRuns.add(millis(() -> run(warm, sha, List.of(String.valueOf(mb)))));
    }
    double java = median(shaRuns);
    System.out.printf("sha256 over %d MB, warm compiled, in process: median %.1f ms%n", mb, java);
    double node = node(sha, mb);
    if (node > 0) {
      System.out.printf("sha256 over %d MB, node WASI, in process:     median %.1f ms%n", mb, node);
      System.out.printf("ratio chicory/node: %.2f%n", java / node);
    }
  }

  private static Path write(Path dir, String fixture) throws Exception {
    return Files.write(dir.resolve(fixture), WasmTask.fixture(fixture));
  }

  static WasmOutcome run(ChicoryRuntime runtime, Path module, List<String> params) {
    List<String> argv = new ArrayList<>();
    argv.add("");
    argv.addAll(params);
    WasmProgram program =
        new WasmProgram(
            new ModuleSource("/" + module.getFileName(), module),
            List.of(),
            WasmProgram.noResolver(),
            "_start",
            argv,
            Map.of(),
            List.of(),
            0,
            OutputStream.nullOutputStream(),
            new ByteArrayOutputStream());
    try {
      WasmOutcome outcome = runtime.run(program);
      if (outcome.failed() || outcome.exitCode() != 0) {
        throw new IllegalStateException("bench module failed: " + outcome);
      }
      return outcome;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first run in a new JVM, as a later {@code bacalhau} process would do it. */
  private static void firstRun(Path module, Path cache) {
    long start = System.nanoTime();
    run(new ChicoryRuntime(cache == null ? null : new CompiledCache(cache)), module, List.of("0"));
    double wall = (System.nanoTime() - start) / 1e6;
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    // CPU time too: on a busy machine wall time mostly measures the queue for a core
    System.out.printf(
        "first run %.1f ms wall; whole process so far %.1f ms CPU%n",
        wall, os.getProcessCpuTime() / 1e6);
  }

  private static String fresh(Path module, Path cache) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                WasmBench.class.getName(),
                "--first-run",
                module.toString()));
    if (cache != null) {
      cmd.add(cache.toString());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    p.waitFor();
    return out;
  }

  private static double node(Path module, int mb) throws Exception {
    Path script = module.resolveSibling("bench.mjs");
    Files.writeString(
        script,
        """
        import { readFileSync } from 'node:fs';
        import { WASI } from 'node:wasi';
        const mod = await WebAssembly.compile(readFileSync(process.argv[2]));
        const times = [];
        for (let i = 0; i < 6; i++) {
          const wasi = new WASI({ version: 'preview1', args: ['', process.argv[3]], returnOnExit: true,
                                  stdout: 2 });
          const inst = await WebAssembly.instantiate(mod, wasi.getImportObject());
          const t = performance.now();
          wasi.start(inst);
          times.push(performance.now() - t);
        }
        const rest = times.slice(1).sort((a, b) => a - b);
        console.log(rest[Math.floor(rest.length / 2)]);
        """);
    try {
      Process p =
          new ProcessBuilder("node", "--no-warnings", script.toString(), module.toString(), "" + mb)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      return p.waitFor() == 0 ? Double.parseDouble(out) : -1;
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static double millis(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
