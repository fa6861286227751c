package io.bacalhau.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobHistory;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import io.bacalhau.core.providers.ProviderKind;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineResult;
import io.bacalhau.core.spi.engine.RunRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine's bid hook: the engine SPI had none, so what only an engine can tell (an image of
 * another platform) was found when the execution already ran and failed it there. A refusal now
 * keeps the node from bidding, with the engine's reason in the job's history, and the task never
 * runs; an engine that does not override the hook bids as before.
 */
class EngineBidHookTest {
  @TempDir Path dataDir;

  @Test
  void anEngineThatRefusesAtBidTimeKeepsTheNodeFromBiddingAndTheReasonIsInTheHistory()
      throws Exception {
    AtomicInteger runs = new AtomicInteger();
    Engine picky =
        new Engine() {
          @Override
          public Optional<String> bidRefusal(Job job) {
            return Optional.of("this node does not support the job's image platform");
          }

          @Override
          public EngineResult run(RunRequest request, io.bacalhau.core.spi.ExecutionEvents e) {
            runs.incrementAndGet();
            return EngineResult.exited(0);
          }
        };
    Outcome refused = run("picky", picky);
    assertEquals(JobStateType.FAILED, refused.job.stateType(), refused.history);
    assertTrue(
        refused.history.contains(
            "Bid rejected: this node does not support the job's image platform"),
        refused.history);
    assertTrue(refused.job.state().message().contains("image platform"), refused.job.toString());
    assertEquals(0, runs.get(), "a refused job never reaches the engine's run");
  }

  @Test
  void anEngineWhoseHookBreaksRefusesWithWhatBroke() throws Exception {
    Engine broken =
        new Engine() {
          @Override
          public Optional<String> bidRefusal(Job job) {
            throw new IllegalStateException("daemon not reachable");
          }

          @Override
          public EngineResult run(RunRequest request, io.bacalhau.core.spi.ExecutionEvents e) {
            return EngineResult.exited(0);
          }
        };
    Outcome refused = run("shaky", broken);
    assertEquals(JobStateType.FAILED, refused.job.stateType(), refused.history);
    assertTrue(
        refused.history.contains(
            "Bid rejected: engine shaky could not check the job: daemon not reachable"),
        refused.history);
  }

  @Test
  void anEngineWithoutAHookStillBids() throws Exception {
    Engine plain = (request, events) -> EngineResult.exited(0);
    assertEquals(JobStateType.COMPLETED, run("plain", plain).job.stateType());
  }

  private record Outcome(Job job, String history) {}

  private Outcome run(String type, Engine engine) throws Exception {
    Path dir = dataDir.resolve(type);
    ProviderRegistry registry = EmbeddedNodeTestSupport.builtinRegistry(dir);
    registry.register(ProviderKind.ENGINE, type, "test", Installation.ok(), () -> engine);
    Job job = EmbeddedNodeTestSupport.noopJob(type + "-job", Map.of());
    job =
        job.toBuilder()
            .task(job.task().toBuilder().engine(SpecConfig.of(type, Map.of())).build())
            .build();
    try (EmbeddedNodeClient client =
        EmbeddedNodeTestSupport.client(
            dir, registry, new SchedulerSettings(0, Duration.ofMillis(100)))) {
      String id = client.submit(job, false).jobId();
      Job ended = EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(30));
      String history =
          client.history(id, HistoryQuery.everything()).stream()
              .map(JobHistory::event)
              .map(e -> e.message())
              .collect(Collectors.joining("\n"));
      return new Outcome(ended, history);
    }
  }
}
