package io.bacalhau.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderKind;
import io.bacalhau.core.spi.ProviderRegistry;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.core.store.HistoryQuery;
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

    try (EmbeddedNodeClient client =
        new EmbeddedNodeClient(
            EmbeddedNodeTestSupport.options(
                dataDir, new SchedulerSettings(1, Duration.ofMillis(100))),
            () -> registry,
            () -> {})) {
      String id = client.submit(job, false).jobId();
      Job ended = EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(30));
      assertEquals(JobStateType.FAILED, ended.stateType());
      String history = String.valueOf(client.history(id, HistoryQuery.everything()));
      assertTrue(history.contains("NoClassDefFoundError: org/example/TarReader"), history);
    }
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

    try (EmbeddedNodeClient client =
        new EmbeddedNodeClient(
            EmbeddedNodeTestSupport.options(
                dataDir, new SchedulerSettings(0, Duration.ofMillis(100))),
            () -> registry,
            () -> {})) {
      String id = client.submit(job, false).jobId();
      Job ended = EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(30));
      assertEquals(JobStateType.FAILED, ended.stateType());
      String history = String.valueOf(client.history(id, HistoryQuery.everything()));
      assertTrue(history.contains("NoClassDefFoundError: org/example/Runtime"), history);
    }
  }
}
