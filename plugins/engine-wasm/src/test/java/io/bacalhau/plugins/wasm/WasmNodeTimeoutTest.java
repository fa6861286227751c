package io.bacalhau.plugins.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.SubmitResult;
import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.models.Execution;
import io.bacalhau.core.models.InputSource;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module that loops forever, through a whole embedded node: there is no instruction budget, so
 * the job's execution timeout is what ends it, with an error that says so.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class WasmNodeTimeoutTest {
  @TempDir Path dataDir;

  @Test
  void anEndlessLoopIsEndedByTheExecutionTimeoutWithAClearError() throws Exception {
    ProviderRegistry registry = EmbeddedNodeTestSupport.builtinRegistry(dataDir);
    new ProviderLoader(
            registry,
            ConfigBinder.DEFAULTS,
            new ProviderContext(dataDir, "n-wasm-timeout", Map.of()),
            Set.of())
        .add(new WasmEngineFactory(), "engine-wasm");
    String module =
        "data:application/wasm;base64,"
            + Base64.getEncoder().encodeToString(WasmTask.fixture("loop.wasm"));
    Job job =
        Job.builder()
            .name("spin")
            .type(JobType.BATCH)
            .count(1)
            .task(
                Task.builder()
                    .engine(SpecConfig.of("wasm", Map.of("EntryModule", "/loop.wasm")))
                    .inputSources(
                        List.of(
                            new InputSource(
                                SpecConfig.of("inline", Map.of("URL", module)), "", "/loop.wasm")))
                    .timeouts(new TimeoutConfig(2, 0, 0))
                    .build())
            .build();
    try (EmbeddedNodeClient client =
        EmbeddedNodeTestSupport.client(
            dataDir, registry, new SchedulerSettings(2, Duration.ofMillis(200)))) {
      long start = System.nanoTime();
      SubmitResult submitted = client.submit(job, false);
      Job done =
          EmbeddedNodeTestSupport.awaitTerminal(client, submitted.jobId(), Duration.ofSeconds(60));
      assertEquals(JobStateType.FAILED, done.stateType());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(40), "ended, not waited out");
      Execution execution = client.executions(done.id(), 0).getFirst();
      String error = execution.runOutput().errorMsg();
      assertTrue(error.contains("Execution timed out after 2s"), error);
    }
  }
}
