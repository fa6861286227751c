package io.bacalhau.plugins.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.node.EmbeddedNodeClient;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.orchestrator.SchedulerSettings;
import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.ProviderContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -p s3managed} needs an orchestrator that signs upload URLs, which an embedded node is not.
 * It was refused as an unknown publisher with a hint to install a plugin that does not exist; the
 * refusal now says why and what to use instead.
 */
class S3ManagedRefusalTest {
  @TempDir Path dir;

  @Test
  void aJobPublishingToS3ManagedIsRefusedAtSubmissionSayingWhyAndWhatToUse() throws Exception {
    ProviderRegistry registry = EmbeddedNodeTestSupport.builtinRegistry(dir);
    new ProviderLoader(
            registry, ConfigBinder.DEFAULTS, new ProviderContext(dir, "n-test", Map.of()), Set.of())
        .add(new S3ManagedPublisherFactory(), "publisher-s3");
    Job job = EmbeddedNodeTestSupport.noopJob("managed", Map.of());
    job =
        job.toBuilder()
            .task(job.task().toBuilder().publisher(SpecConfig.of("s3managed")).build())
            .build();
    try (EmbeddedNodeClient client =
        EmbeddedNodeTestSupport.client(
            dir, registry, new SchedulerSettings(2, Duration.ofMillis(200)))) {
      Job refused = job;
      BacalhauException e =
          assertThrows(BacalhauException.class, () -> client.submit(refused, false));
      assertEquals(
          "publisher 's3managed' cannot run here: " + S3ManagedPublisherFactory.WHY,
          e.getMessage());
      assertTrue(e.getMessage().contains("-p s3://bucket/key"), e.getMessage());
    }
  }
}
