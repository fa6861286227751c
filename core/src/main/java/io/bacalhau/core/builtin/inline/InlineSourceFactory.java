package io.bacalhau.core.builtin.inline;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceFactory;
import io.bacalhau.core.spi.storage.InputSourceProvider;

/** The built-in {@code inline} input source: small files carried in the spec as data: URLs. */
public final class InlineSourceFactory implements InputSourceFactory<InlineConfig> {
  @Override
  public String type() {
    return "inline";
  }

  @Override
  public Class<InlineConfig> configType() {
    return InlineConfig.class;
  }

  @Override
  public String configSection() {
    return "InputSources.Types.Inline";
  }

  @Override
  public Installation isInstalled(InlineConfig config) {
    return Installation.ok();
  }

  @Override
  public InputSourceProvider create(InlineConfig config, ProviderContext context) {
    return new InlineSource();
  }
}
