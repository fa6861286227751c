package io.bacalhau.core.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.client.HistoryQuery;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobStateType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code noop} input source, which the CLI parsed and no provider served, so a job using it was
 * refused at submission.
 */
class NoopSourceTest {
  @TempDir Path dir;

  private static final InputSource NOOP =
      new InputSource(SpecConfig.of("noop", Map.of()), "", "/inputs/nothing");

  @Test
  void itPreparesAnEmptyReadOnlyFolderAtTheTarget() throws Exception {
    var source =
        new NoopSourceFactory().create(new NoopConfig(), new ProviderContext(dir, "n", Map.of()));
    Path staging = Files.createDirectories(dir.resolve("staging"));
    PreparedInput prepared =
        source.prepare(
            new PrepareRequest(Job.builder().id("j-1").build(), "e-1", NOOP, staging),
            ExecutionEvents.NONE);
    assertEquals("/inputs/nothing", prepared.target());
    assertFalse(prepared.readWrite());
    assertTrue(Files.isDirectory(prepared.hostPath()));
    try (var listing = Files.list(prepared.hostPath())) {
      assertEquals(0, listing.count());
    }
    assertTrue(source.isLocal(NOOP.source()), "nothing is downloaded");
  }

  @Test
  void aJobWithANoopInputRuns() throws Exception {
    Job job = EmbeddedNodeTestSupport.noopJob("noop-input", Map.of());
    job = job.toBuilder().task(job.task().toBuilder().inputSources(List.of(NOOP)).build()).build();
    try (EmbeddedNodeClient client = EmbeddedNodeTestSupport.client(dir)) {
      String id = client.submit(job, false).jobId();
      Job ended = EmbeddedNodeTestSupport.awaitTerminal(client, id, Duration.ofSeconds(30));
      assertEquals(
          JobStateType.COMPLETED,
          ended.stateType(),
          () -> String.valueOf(client.history(id, HistoryQuery.everything())));
    }
  }
}
