package io.bacalhau.core.builtin;

import io.bacalhau.core.models.SpecConfig;
import io.bacalhau.core.spi.ExecutionEvents;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.storage.InputSourceFactory;
import io.bacalhau.core.spi.storage.InputSourceProvider;
import io.bacalhau.core.spi.storage.PrepareRequest;
import io.bacalhau.core.spi.storage.PreparedInput;

/**
 * The built-in {@code noop} input source, Bacalhau's test source: fetches nothing; the task sees an
 * empty, read-only folder at the target (an empty volume, which engines can mount).
 */
public final class NoopSourceFactory implements InputSourceFactory<NoopConfig> {
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
    return "InputSources.Types.Noop";
  }

  @Override
  public Installation isInstalled(NoopConfig config) {
    return Installation.ok();
  }

  @Override
  public InputSourceProvider create(NoopConfig config, ProviderContext context) {
    return new InputSourceProvider() {
      /** Nothing to download. */
      @Override
      public boolean isLocal(SpecConfig source) {
        return true;
      }

      @Override
      public PreparedInput prepare(PrepareRequest request, ExecutionEvents events) {
        return new PreparedInput(
            request.input(), request.stagingDir(), request.input().target(), false);
      }
    };
  }
}
