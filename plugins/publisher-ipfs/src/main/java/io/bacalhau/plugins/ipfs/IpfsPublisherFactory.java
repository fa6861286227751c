package io.bacalhau.plugins.ipfs;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.core.spi.publisher.PublisherFactory;

/**
 * Placeholder for the `ipfs` publisher: registered so the plugin is packaged, loaded and listed,
 * but it honestly reports itself as not installed until the real implementation lands.
 */
public final class IpfsPublisherFactory implements PublisherFactory<IpfsPublisherFactory.Config> {
  /** No settings yet. */
  public record Config() {}

  @Override
  public String type() {
    return "ipfs";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public String configSection() {
    return "Publishers.Types.IPFS";
  }

  @Override
  public Installation isInstalled(Config config) {
    return Installation.missing("not implemented yet");
  }

  @Override
  public Publisher create(Config config, ProviderContext context) {
    throw BacalhauException.builder(
            ErrorCode.NOT_IMPLEMENTED, "the ipfs publisher is not implemented yet")
        .component("Plugins")
        .build();
  }
}
