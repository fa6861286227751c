package io.bacalhau.plugins.ipfs;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceFactory;
import io.bacalhau.core.spi.storage.InputSourceProvider;

/** The {@code ipfs} input source; needs {@code InputSources.Types.IPFS.Endpoint}. */
public final class IpfsInputSourceFactory implements InputSourceFactory<IpfsConfig> {
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
    return "InputSources.Types.IPFS";
  }

  @Override
  public Installation isInstalled(IpfsConfig config) {
    return probe(config, configSection());
  }

  static Installation probe(IpfsConfig config, String section) {
    try {
      IpfsEndpoint.parse(config.endpoint(), section + ".Endpoint");
      return Installation.ok();
    } catch (BacalhauException e) {
      return Installation.missing(e.getMessage());
    }
  }

  @Override
  public InputSourceProvider create(IpfsConfig config, ProviderContext context) {
    return new IpfsInputSource(
        new IpfsRpc(
            IpfsEndpoint.parse(config.endpoint(), configSection() + ".Endpoint"),
            IpfsPublisherFactory.LOOKUP_TIMEOUT));
  }
}
