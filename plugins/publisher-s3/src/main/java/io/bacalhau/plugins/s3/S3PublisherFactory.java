package io.bacalhau.plugins.s3;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.core.spi.publisher.PublisherFactory;

/**
 * Placeholder for the `s3` publisher: registered so the plugin is packaged, loaded and listed, but
 * it honestly reports itself as not installed until the real implementation lands.
 */
public final class S3PublisherFactory implements PublisherFactory<S3PublisherFactory.Config> {
  /** No settings yet. */
  public record Config() {}

  @Override
  public String type() {
    return "s3";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public String configSection() {
    return "Publishers.Types.S3";
  }

  @Override
  public Installation isInstalled(Config config) {
    return Installation.missing("not implemented yet");
  }

  @Override
  public Publisher create(Config config, ProviderContext context) {
    throw BacalhauException.builder(
            ErrorCode.NOT_IMPLEMENTED, "the s3 publisher is not implemented yet")
        .component("Plugins")
        .build();
  }
}
