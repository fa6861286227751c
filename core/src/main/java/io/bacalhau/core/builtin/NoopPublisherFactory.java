package io.bacalhau.core.builtin;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.PublishRequest;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.core.spi.publisher.PublisherFactory;

/** The built-in {@code noop} publisher: publishes nothing and returns an empty result. */
public final class NoopPublisherFactory implements PublisherFactory<NoopConfig> {
  @Override
  public String type() {
    return "noop";
  }

  @Override
  public Class<NoopConfig> configType() {
    return NoopConfig.class;
  }

  @Override
  public String configSection() {
    return "Publishers.Types.Noop";
  }

  @Override
  public Installation isInstalled(NoopConfig config) {
    return Installation.ok();
  }

  @Override
  public Publisher create(NoopConfig config, ProviderContext context) {
    return new Publisher() {
      @Override
      public SpecConfig publish(PublishRequest request, ExecutionEvents events) {
        return SpecConfig.EMPTY;
      }
    };
  }
}
