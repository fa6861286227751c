package io.bacalhau.plugins.ipfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalhau.core.config.ConfigBinder;
import io.bacalhau.core.models.InputSource;
import io.bacalhau.core.models.Job;
import io.bacalhau.core.models.JobType;
import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.models.Task;
import io.bacalhau.core.node.EmbeddedNodeTestSupport;
import io.bacalhau.core.providers.ProviderLoader;
import io.bacalhau.core.providers.ProviderRegistry;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.testing.RealServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job on a real embedded node reads an IPFS input and publishes to IPFS; job get fetches it. */
class IpfsEmbeddedNodeTest {
  @TempDir Path dir;

  @Test
  void aJobReadsFromAndPublishesToIpfsAndJobGetFetchesTheResults() throws Exception {
    RealServices.require(IpfsNode.available(), "IPFS node RPC API in $" + IpfsNode.ENV);
    Path inputFile = Files.writeString(dir.resolve("input.txt"), "input bytes\n");
    String inputCid = IpfsNode.rpc(Duration.ofSeconds(20)).add(inputFile);

    Path dataDir = dir.resolve("data");
    ProviderRegistry registry = EmbeddedNodeTestSupport.builtinRegistry(dataDir);
    ConfigBinder binder = EmbeddedNodeTestSupport.everySection(Map.of("Endpoint", IpfsNode.api()));
    ProviderLoader loader =
        new ProviderLoader(
            registry, binder, new ProviderContext(dataDir, "n-test", Map.of()), Set.of());
    loader.add(new IpfsPublisherFactory(), "publisher-ipfs");
    loader.add(new IpfsInputSourceFactory(), "publisher-ipfs");

    Job job =
        Job.builder()
            .name("ipfs-e2e")
            .type(JobType.BATCH)
            .count(1)
            .task(
                Task.builder()
                    .name("main")
                    .engine(SpecConfig.of("noop", Map.of("Stdout", "job ran\n")))
                    .inputSources(
                        List.of(
                            new InputSource(
                                SpecConfig.of("ipfs", Map.of("CID", inputCid)), "in", "/inputs")))
                    .publisher(SpecConfig.of("ipfs"))
                    .build())
            .build();

    Path out = EmbeddedNodeTestSupport.runAndGet(dataDir, registry, job, "ipfs", dir);
    assertEquals("job ran\n", Files.readString(out.resolve("stdout")));
    assertEquals("0", Files.readString(out.resolve("exitCode")).strip());
  }
}
