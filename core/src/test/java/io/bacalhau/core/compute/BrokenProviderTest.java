package io.bacalhau.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that dies with an Error (as a plugin missing one of its classes does) fails the
 * execution with that error: the task never runs without its input, and never stays running.
 */
class BrokenProviderTest {
  @TempDir Path dataDir;

  @Test
  void anErrorWhilePreparingAnInputFailsTheExecution() throws Exception {
    ProviderRegistry registry = EmbeddedNodeTestSupport.builtinRegistry(dataDir);
    InputSourceProvider broken =
        (request, events) -> {
          throw new NoClassDefFoundError("org/example/TarReader");
        };
    registry.register(ProviderKind.INPUT_SOURCE, "broken", "test", Installation.ok(), () -> broken);
    Job job =
        EmbeddedNodeTestSupport.noopJob("needs-input", Map.of("Stdout", "ran without input\n"));
    job =
        job.toBuilder()
            .task(
                job.task().toBuilder()
                    .inputSources(
                        List.of(new InputSource(SpecConfig.of("broken", Map.of()), "", "/inputs")))
                    .build())
            .build();

    String history = failedHistory(registry, job, 1);
    assertTrue(history.contains("NoClassDefFoundError: org/example/TarReader"), history);
  }

  @Test
  void anEngineFailingWithAnErrorFailsTheExecutionInsteadOfLeavingItRunning() throws Exception {
    ProviderRegistry registry = EmbeddedNodeTestSupport.builtinRegistry(dataDir);
    Engine broken =
        (request, events) -> {
          throw new NoClassDefFoundError("org/example/Runtime");
        };
    registry.register(ProviderKind.ENGINE, "broken", "test", Installation.ok(), () -> broken);
    Job job = EmbeddedNodeTestSupport.noopJob("broken-engine", Map.of());
    job =
        job.toBuilder()
            .task(job.task().toBuilder().engine(SpecConfig.of("broken", Map.of())).build())
            .build();

    String history = failedHistory(registry, job, 0);
    assertTrue(history.contains("NoClassDefFoundError: org/example/Runtime"), history);
  }

  /** Runs the job with this many retries, checks it failed, and returns its history. */
  private String failedHistory(ProviderRegistry registry, Job job, int retries)
      throws InterruptedException {
    try (EmbeddedNodeClient client =
        EmbeddedNodeTestSupport.client(
            dataDir, registry, new SchedulerSettings(retries, Duration.ofMillis(100)))) {
      String id = client.submit(job, false).jobId();
      Job ended = EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(30));
      assertEquals(JobStateType.FAILED, ended.stateType());
      return String.valueOf(client.history(id, HistoryQuery.everything()));
    }
  }
}
