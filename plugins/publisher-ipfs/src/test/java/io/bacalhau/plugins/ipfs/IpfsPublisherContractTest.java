package io.bacalhau.plugins.ipfs;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.testing.RealServices;
import io.bacalhau.testing.contract.PublisherContractTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The ipfs publisher against a real IPFS node on 127.0.0.1 ({@code BACALHAU_IPFS_API}). */
class IpfsPublisherContractTest extends PublisherContractTest {
  private Publisher publisher;

  @BeforeEach
  void node() {
    RealServices.require(
        IpfsNode.available(),
        "IPFS node RPC API in $" + IpfsNode.ENV + " ('" + IpfsNode.api() + "')");
    publisher =
        new IpfsPublisherFactory()
            .create(
                new IpfsConfig(IpfsNode.api()),
                new ProviderContext(dir.resolve("data"), "n-contract", Map.of()));
  }

  @AfterEach
  void close() {
    if (publisher != null) {
      publisher.close();
    }
  }

  @Override
  protected Publisher publisher() {
    return publisher;
  }

  @Override
  protected SpecConfig publisherSpec() {
    return SpecConfig.of("ipfs");
  }
}
