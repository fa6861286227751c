package io.bacalhau.bench.crash;

import io.bacalhau.bench.ServedNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Submits through the packaged CLI as a user would: {@code bacalhau --api-host 127.0.0.1 --api-port
 * P job run spec.json --wait=false --id-only}, its own process and data dir.
 */
final class CliSubmitter {
  private final Path dist;
  private final int apiPort;
  private final Path home;

  CliSubmitter(Path dist, int apiPort, Path home) {
    this.dist = dist;
    this.apiPort = apiPort;
    this.home = home;
  }

  /** The job ID the CLI printed when it exited 0: only then did the node acknowledge it. */
  Optional<String> submit(String jobJson, String token) throws IOException, InterruptedException {
    Path spec = home.resolve("spec-" + token + ".json");
    Files.writeString(spec, jobJson);
    List<String> command = new ArrayList<>(ServedNode.javaCommand(dist));
    command.addAll(
        List.of(
            "--data-dir",
            home.resolve("client").toString(),
            "--api-host",
            "127.0.0.1",
            "--api-port",
            String.valueOf(apiPort),
            "job",
            "run",
            spec.toString(),
            "--wait=false",
            "--id-only"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    ServedNode.cleanEnvironment(pb, home);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return Optional.empty();
    }
    Files.deleteIfExists(spec);
    if (p.exitValue() != 0 || out.isEmpty() || out.contains("\n")) {
      return Optional.empty();
    }
    return Optional.of(out);
  }
}
