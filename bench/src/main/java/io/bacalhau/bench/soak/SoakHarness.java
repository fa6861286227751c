package io.bacalhau.bench.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The load and soak of one served node, on demand: {@code bench/soak.sh [minutes=10] [clients=64]}.
 * Prints the summary table and exits 0 when every property held, 1 otherwise.
 *
 * <p>Arguments: minutes (may be fractional), clients, the distribution folder, the WASI module
 * submitted inline (optional).
 */
public final class SoakHarness {
  private SoakHarness() {}

  public static void main(String[] args) throws Exception {
    double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    Path dist = Path.of(args.length > 2 ? args[2] : "cli/target/bacalhau");
    Optional<Path> wasm =
        Optional.of(Path.of(args.length > 3 ? args[3] : "plugins/engine-wasm/examples/hello.wasm"))
            .filter(Files::isRegularFile);
    SoakSettings settings =
        new SoakSettings(
            dist,
            clients,
            Duration.ofMillis((long) (minutes * 60_000)),
            Duration.ofMillis(100),
            1_000_000,
            Duration.ofSeconds(5),
            wasm);
    Path dir = Files.createTempDirectory("bacalhau-soak");
    int exit;
    try {
      SoakReport report = SoakRun.run(settings, dir);
      System.out.print(report.table());
      exit = report.problems().isEmpty() ? 0 : 1;
      if (exit != 0) {
        System.out.println("node log kept: " + dir.resolve("serve.log"));
      }
    } catch (Exception e) {
      System.out.println(
          "soak: " + e.getMessage() + " (node log: " + dir.resolve("serve.log") + ")");
      exit = 1;
    }
    if (exit == 0) {
      deleteTree(dir);
    }
    System.exit(exit);
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
