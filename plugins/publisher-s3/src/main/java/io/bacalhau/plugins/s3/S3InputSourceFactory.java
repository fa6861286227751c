package io.bacalhau.plugins.s3;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceFactory;
import io.bacalhau.core.spi.storage.InputSourceProvider;

/** The {@code s3} input source. */
public final class S3InputSourceFactory implements InputSourceFactory<S3InputSourceConfig> {
  @Override
  public String type() {
    return "s3";
  }

  @Override
  public Class<S3InputSourceConfig> configType() {
    return S3InputSourceConfig.class;
  }

  @Override
  public String configSection() {
    return "InputSources.Types.S3";
  }

  @Override
  public Installation isInstalled(S3InputSourceConfig config) {
    return Installation.ok();
  }

  @Override
  public InputSourceProvider create(S3InputSourceConfig config, ProviderContext context) {
    return new S3InputSource(new S3Storage(context.hostEnv(), context.addressPolicy()));
  }
}
