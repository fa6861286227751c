package io.bacalhau.core.builtin.inline;

import io.bacalhau.core.builtin.NoopConfig;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceFactory;
import io.bacalhau.core.spi.storage.InputSourceProvider;

/** The built-in {@code inline} input source: small files carried in the spec as data: URLs. */
public final class InlineSourceFactory implements InputSourceFactory<NoopConfig> {
  @Override
  public String type() {
    return "inline";
  }

  @Override
  public Class<NoopConfig> configType() {
    return NoopConfig.class;
  }

  @Override
  public String configSection() {
    return "InputSources.Types.Inline";
  }

  @Override
  public Installation isInstalled(NoopConfig config) {
    return Installation.ok();
  }

  @Override
  public InputSourceProvider create(NoopConfig config, ProviderContext context) {
    return new InlineSource();
  }
}
