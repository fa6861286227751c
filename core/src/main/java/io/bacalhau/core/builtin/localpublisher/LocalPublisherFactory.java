package io.bacalhau.core.builtin.localpublisher;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.core.spi.publisher.PublisherFactory;

/** The built-in {@code local} publisher: results stay on this machine, under the data dir. */
public final class LocalPublisherFactory implements PublisherFactory<LocalPublisherConfig> {
  @Override
  public String type() {
    return "local";
  }

  @Override
  public Class<LocalPublisherConfig> configType() {
    return LocalPublisherConfig.class;
  }

  @Override
  public String configSection() {
    return "Publishers.Types.Local";
  }

  @Override
  public Installation isInstalled(LocalPublisherConfig config) {
    return Installation.ok();
  }

  @Override
  public Publisher create(LocalPublisherConfig config, ProviderContext context) {
    return new LocalPublisher(new LocalResults(context.dataDir(), config));
  }
}
