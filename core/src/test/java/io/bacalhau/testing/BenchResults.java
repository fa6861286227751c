package io.bacalhau.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A results folder for publisher benchmarks: {@code stdout} and {@code outputs/data.bin}. */
public final class BenchResults {
  private BenchResults() {}

  /** Writes {@code dir/results} with {@code mb} MB of seeded random (incompressible) bytes. */
  public static Path create(Path dir, int mb) throws IOException {
    Path results = dir.resolve("results");
    Files.createDirectories(results.resolve("outputs"));
    byte[] block = new byte[1024 * 1024];
    Random random = new Random(1);
    try (OutputStream out = Files.newOutputStream(results.resolve("outputs/data.bin"))) {
      for (int i = 0; i < mb; i++) {
        random.nextBytes(block);
        out.write(block);
      }
    }
    Files.writeString(results.resolve("stdout"), "bench\n");
    return results;
  }
}
