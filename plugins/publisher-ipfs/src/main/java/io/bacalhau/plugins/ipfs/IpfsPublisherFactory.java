package io.bacalhau.plugins.ipfs;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.core.spi.publisher.PublisherFactory;
import java.time.Duration;

/** The {@code ipfs} publisher; needs {@code Publishers.Types.IPFS.Endpoint}. */
public final class IpfsPublisherFactory implements PublisherFactory<IpfsConfig> {
  static final Duration LOOKUP_TIMEOUT = Duration.ofMinutes(5);

  @Override
  public String type() {
    return "ipfs";
  }

  @Override
  public Class<IpfsConfig> configType() {
    return IpfsConfig.class;
  }

  @Override
  public String configSection() {
    return "Publishers.Types.IPFS";
  }

  /** Installed when an endpoint is configured; the node itself is reached only when used. */
  @Override
  public Installation isInstalled(IpfsConfig config) {
    return IpfsInputSourceFactory.probe(config, configSection());
  }

  @Override
  public Publisher create(IpfsConfig config, ProviderContext context) {
    return new IpfsPublisher(
        new IpfsRpc(
            IpfsEndpoint.parse(config.endpoint(), configSection() + ".Endpoint"), LOOKUP_TIMEOUT));
  }
}
