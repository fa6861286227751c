package io.bacalhau.plugins.s3;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.publisher.Publisher;
import io.bacalhau.core.spi.publisher.PublisherFactory;

/** The {@code s3} publisher. Credentials come from the node's environment or AWS's usual chain. */
public final class S3PublisherFactory implements PublisherFactory<S3PublisherConfig> {
  @Override
  public String type() {
    return "s3";
  }

  @Override
  public Class<S3PublisherConfig> configType() {
    return S3PublisherConfig.class;
  }

  @Override
  public String configSection() {
    return "Publishers.Types.S3";
  }

  /** Always installed: buckets, endpoints and credentials are checked when a job uses them. */
  @Override
  public Installation isInstalled(S3PublisherConfig config) {
    return Installation.ok();
  }

  @Override
  public Publisher create(S3PublisherConfig config, ProviderContext context) {
    S3Storage storage = new S3Storage(context.hostEnv(), context.addressPolicy());
    return new S3Publisher(storage, new S3ResultDownload(storage, config));
  }
}
