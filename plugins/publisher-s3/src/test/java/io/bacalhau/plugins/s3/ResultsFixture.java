package io.bacalhau.plugins.s3;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes an execution's results folder the way the compute node leaves it, and reads trees back.
 */
final class ResultsFixture {
  private ResultsFixture() {}

  static Path write(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("outputs/sub"));
    Files.writeString(dir.resolve("stdout"), "hello from the job\n");
    Files.writeString(dir.resolve("stderr"), "");
    Files.writeString(dir.resolve("exitCode"), "0");
    Files.writeString(dir.resolve("outputs/result.csv"), "a,b\n1,2\n");
    byte[] binary = new byte[300_000];
    new java.util.Random(7).nextBytes(binary);
    Files.write(dir.resolve("outputs/sub/data.bin"), binary);
    return dir;
  }

  /** Relative path -> SHA-256 hex of every regular file under dir. */
  static Map<String, String> tree(Path dir) throws Exception {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        byte[] digest =
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
        tree.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(digest));
      }
    }
    return tree;
  }
}
