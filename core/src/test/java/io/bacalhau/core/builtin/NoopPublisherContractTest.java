package io.bacalhau.core.builtin;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.testing.contract.PublisherContractTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The noop publisher keeps nothing, and says so. */
class NoopPublisherContractTest extends PublisherContractTest {
  private Publisher publisher;

  @BeforeEach
  void create() {
    publisher =
        new NoopPublisherFactory()
            .create(new NoopConfig(), new ProviderContext(dir, "n-contract", Map.of()));
  }

  @Override
  protected Publisher publisher() {
    return publisher;
  }

  @Override
  protected SpecConfig publisherSpec() {
    return SpecConfig.of("noop");
  }

  @Override
  protected boolean keepsResults() {
    return false;
  }
}
