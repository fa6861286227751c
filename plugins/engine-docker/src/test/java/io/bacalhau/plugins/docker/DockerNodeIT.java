package io.bacalhau.plugins.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.ExecutionStateType;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.models.TimeoutConfig;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.ProviderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Docker jobs through a whole embedded node: orchestrator, compute, this engine, the daemon. */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class DockerNodeIT {
  @TempDir Path dataDir;

  @BeforeAll
  static void daemon() throws Exception {
    DockerTestSupport.requireDaemonAndImage();
  }

  private EmbeddedNodeClient client() {
    ProviderRegistry registry = EmbeddedNodeTestSupport.builtinRegistry(dataDir);
    new ProviderLoader(
            registry,
            ConfigBinder.DEFAULTS,
            new ProviderContext(dataDir, "n-node-it", System.getenv()),
            Set.of())
        .add(new DockerEngineFactory(), "engine-docker");
    return EmbeddedNodeTestSupport.client(
        dataDir, registry, new SchedulerSettings(2, Duration.ofMillis(200)));
  }

  private static Job job(String name, TimeoutConfig timeouts, String... command) {
    return Job.builder()
        .name(name)
        .type(JobType.BATCH)
        .count(1)
        .task(
            Task.builder()
                .engine(
                    SpecConfig.of(
                        "docker",
                        Map.of("Image", DockerTestSupport.IMAGE, "Parameters", List.of(command))))
                .timeouts(timeouts)
                .build())
        .build();
  }

  @Test
  void aContainerJobCompletesWithItsOutputAndExitCode() throws Exception {
    try (EmbeddedNodeClient client = client()) {
      SubmitResult s =
          client.submit(job("hello", TimeoutConfig.NONE, "sh", "-c", "echo hello; exit 4"), false);
      Job done = EmbeddedNodeTestSupport.awaitTerminal(client, s.jobId(), Duration.ofSeconds(60));
      assertEquals(JobStateType.COMPLETED, done.stateType());
      Execution e = client.executions(done.id(), 0).get(0);
      assertEquals("hello\n", e.runOutput().stdout());
      assertEquals(4, e.runOutput().exitCode());
    }
  }

  @Test
  void theTimeoutKillsTheContainerAndFailsTheJob() throws Exception {
    try (EmbeddedNodeClient client = client()) {
      long start = System.nanoTime();
      SubmitResult s = client.submit(job("slow", new TimeoutConfig(2, 0, 0), "sleep", "60"), false);
      Job done = EmbeddedNodeTestSupport.awaitTerminal(client, s.jobId(), Duration.ofSeconds(60));
      assertEquals(JobStateType.FAILED, done.stateType());
      assertTrue(
          System.nanoTime() - start < TimeUnit.SECONDS.toNanos(40), "killed, not waited out");
      try (DockerApi api =
          DockerApi.connect(
              DockerConfig.defaults().resolveHost(System.getenv()), Duration.ofSeconds(10))) {
        assertEquals(List.of(), api.containersLabelled(Map.of(Labels.JOB, done.id())));
      }
    }
  }

  @Test
  void stoppingTheJobKillsTheContainer() throws Exception {
    try (EmbeddedNodeClient client = client();
        DockerApi api =
            DockerApi.connect(
                DockerConfig.defaults().resolveHost(System.getenv()), Duration.ofSeconds(10))) {
      SubmitResult s = client.submit(job("stopme", TimeoutConfig.NONE, "sleep", "60"), false);
      client.startWorking();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (api.containersLabelled(Map.of(Labels.JOB, s.jobId())).isEmpty()) {
        assertTrue(System.nanoTime() < deadline, "container never started");
        Thread.sleep(100);
      }
      client.stop(s.jobId(), "", "Stopped at user request");
      Job done = EmbeddedNodeTestSupport.awaitTerminal(client, s.jobId(), Duration.ofSeconds(30));
      assertEquals(JobStateType.STOPPED, done.stateType());
      // Its own budget: on a loaded machine (vfs storage) starting the container took most of one.
      long removal = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!api.containersLabelled(Map.of(Labels.JOB, s.jobId())).isEmpty()) {
        assertTrue(System.nanoTime() < removal, "container not removed after stop");
        Thread.sleep(100);
      }
      assertTrue(
          client.executions(s.jobId(), 0).stream()
              .allMatch(e -> e.computeStateType() == ExecutionStateType.CANCELLED));
    }
  }

  /** Not a pass/fail check: prints the in-process submit-to-completed time for the benchmark. */
  @Test
  void submitToCompletedTimeOfATrivialContainer() throws Exception {
    try (EmbeddedNodeClient client = client()) {
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        SubmitResult s = client.submit(job("bench-" + i, TimeoutConfig.NONE, "true"), false);
        Job done = EmbeddedNodeTestSupport.awaitTerminal(client, s.jobId(), Duration.ofSeconds(60));
        millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertEquals(JobStateType.COMPLETED, done.stateType());
      }
      Collections.sort(millis);
      System.out.println(
          "docker engine in-process submit-to-completed ms: "
              + millis
              + " median "
              + millis.get(2));
    }
  }
}
