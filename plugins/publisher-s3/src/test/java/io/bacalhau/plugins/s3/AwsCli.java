package io.bacalhau.plugins.s3;

import io.bacalhau.testing.S3ProxyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's {@code aws} (by full path: another one may come first on PATH), the independent client
 * that checks what we publish and uploads what we read.
 */
final class AwsCli {
  static final Path BINARY = Path.of("/usr/bin/aws");

  private final String endpoint;

  AwsCli(String endpoint) {
    this.endpoint = endpoint;
  }

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** Runs {@code aws --endpoint-url E args...}; returns stdout or fails with stderr. */
  String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--endpoint-url", endpoint));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("AWS_ACCESS_KEY_ID", S3ProxyServer.IDENTITY);
    pb.environment().put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.CREDENTIAL);
    pb.environment().put("AWS_DEFAULT_REGION", "us-east-1");
    pb.environment().put("AWS_PAGER", "");
    pb.environment().remove("AWS_PROFILE");
    Path err = Files.createTempFile("aws", ".err");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    String stderr = Files.readString(err);
    Files.delete(err);
    if (rc != 0) {
      throw new IllegalStateException(
          "aws " + String.join(" ", args) + " failed (" + rc + "): " + stderr);
    }
    return out;
  }
}
