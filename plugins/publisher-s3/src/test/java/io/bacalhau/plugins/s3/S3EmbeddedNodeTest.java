package io.bacalhau.plugins.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.testing.RealServices;
import io.bacalhau.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job on a real embedded node reads an S3 input and publishes to S3; {@code job get}'s downloader
 * brings the results back through a pre-signed URL.
 */
class S3EmbeddedNodeTest {
  @TempDir Path dir;

  @Test
  void aJobReadsFromAndPublishesToS3AndJobGetFetchesTheResults() throws Exception {
    RealServices.require(S3ProxyServer.available(), "S3Proxy jar at " + S3ProxyServer.jar());
    S3ProxyServer server = S3ProxyServer.shared();
    String bucket = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    Files.createDirectories(server.blobs().resolve(bucket + "/in"));
    Files.writeString(server.blobs().resolve(bucket + "/in/data.txt"), "input bytes\n");

    Path dataDir = dir.resolve("data");
    ProviderRegistry registry = EmbeddedNodeTestSupport.builtinRegistry(dataDir);
    ConfigBinder binder = ConfigBinder.DEFAULTS;
    ProviderLoader loader =
        new ProviderLoader(
            registry, binder, new ProviderContext(dataDir, "n-test", server.env()), Set.of());
    loader.add(new S3PublisherFactory(), "publisher-s3");
    loader.add(new S3InputSourceFactory(), "publisher-s3");

    Map<String, Object> where = Map.of("Bucket", bucket, "Endpoint", server.endpoint());
    Map<String, Object> input = new java.util.HashMap<>(where);
    input.put("Key", "in/data.txt");
    Map<String, Object> output = new java.util.HashMap<>(where);
    output.put("Key", "results/{jobID}/{executionID}");
    Job job =
        Job.builder()
            .name("s3-e2e")
            .type(io.bacalhau.core.models.JobType.BATCH)
            .count(1)
            .task(
                Task.builder()
                    .name("main")
                    .engine(SpecConfig.of("noop", Map.of("Stdout", "job ran\n")))
                    .inputSources(
                        List.of(new InputSource(SpecConfig.of("s3", input), "in", "/inputs")))
                    .publisher(SpecConfig.of("s3", output))
                    .build())
            .build();

    Path out = EmbeddedNodeTestSupport.runAndGet(dataDir, registry, job, "s3", dir);
    assertEquals("job ran\n", Files.readString(out.resolve("stdout")));
    assertEquals("0", Files.readString(out.resolve("exitCode")).strip());
  }
}
