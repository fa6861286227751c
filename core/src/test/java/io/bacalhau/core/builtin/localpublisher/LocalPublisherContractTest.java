package io.bacalhau.core.builtin.localpublisher;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.testing.contract.PublisherContractTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The local publisher's archives, fetched back from the node's data dir as {@code job get} on the
 * same machine does.
 */
class LocalPublisherContractTest extends PublisherContractTest {
  private final LocalPublisherConfig config = new LocalPublisherConfig(null, 0);
  private Publisher publisher;

  @BeforeEach
  void create() {
    publisher =
        new LocalPublisherFactory()
            .create(config, new ProviderContext(dir.resolve("node"), "n-contract", Map.of()));
  }

  @Override
  protected Publisher publisher() {
    return publisher;
  }

  @Override
  protected SpecConfig publisherSpec() {
    return SpecConfig.of("local");
  }

  @Override
  protected LocalResults localResults() {
    return new LocalResults(dir.resolve("node"), config);
  }
}
