package io.bacalhau.plugins.docker;

import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.NetworkConfig;
import io.bacalhau.core.models.Resources;
import io.bacalhau.core.models.ResultPath;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.engine.RunRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import io.bacalhau.testing.RealServices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real daemon, the locally built test image, and run requests built like the node builds them.
 */
final class DockerTestSupport {
  static final String IMAGE = "bacalhau-test/busybox:1";

  private DockerTestSupport() {}

  /** Skips (on a laptop) or fails (in CI) without a daemon; builds the test image if absent. */
  static void requireDaemonAndImage() throws IOException, InterruptedException {
    Installation installed = DockerEngineFactory.probe(DockerConfig.defaults(), System.getenv());
    RealServices.require(installed.installed(), installed.reason());
    try (DockerApi api =
        DockerApi.connect(
            DockerConfig.defaults().resolveHost(System.getenv()), Duration.ofSeconds(30))) {
      if (!api.hasImage(IMAGE)) {
        Process p = new ProcessBuilder("bash", "src/test/images/build.sh").inheritIO().start();
        if (p.waitFor() != 0 || !api.hasImage(IMAGE)) {
          throw new IllegalStateException("src/test/images/build.sh could not build " + IMAGE);
        }
      }
    }
  }

  /** Builds one run request; call {@link #request()} at the end. */
  static final class Run {
    final Path dir;
    final String executionId = "e-" + UUID.randomUUID();
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final Map<String, Object> params = new LinkedHashMap<>();
    final Map<String, String> env = new LinkedHashMap<>();
    final List<PreparedInput> inputs = new ArrayList<>();
    final List<ResultPath> results = new ArrayList<>();
    Resources resources = Resources.ZERO;
    NetworkConfig network = NetworkConfig.DEFAULT;

    Run(Path dir, String... shellCommand) {
      this.dir = dir;
      params.put("Image", IMAGE);
      if (shellCommand.length > 0) {
        params.put("Parameters", List.of("sh", "-c", String.join(" ", shellCommand)));
      }
    }

    Run param(String name, Object value) {
      params.put(name, value);
      return this;
    }

    RunRequest request() throws IOException {
      Path results = Files.createDirectories(dir.resolve(executionId).resolve("results"));
      Path work = Files.createDirectories(dir.resolve(executionId).resolve("work"));
      SpecConfig engine = SpecConfig.of("docker", params);
      Job job =
          Job.builder()
              .id("j-" + UUID.randomUUID())
              .name("docker-it")
              .namespace("default")
              .type(JobType.BATCH)
              .count(1)
              .task(Task.builder().engine(engine).build())
              .build();
      Map<String, String> allEnv = new LinkedHashMap<>(env);
      allEnv.put("BACALHAU_JOB_ID", job.id());
      allEnv.put("BACALHAU_EXECUTION_ID", executionId);
      return new RunRequest(
          job,
          executionId,
          0,
          engine,
          allEnv,
          inputs,
          this.results,
          results,
          work,
          resources,
          network,
          stdout,
          stderr,
          Duration.ZERO);
    }

    String out() {
      return stdout.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return stderr.toString(StandardCharsets.UTF_8);
    }
  }
}
