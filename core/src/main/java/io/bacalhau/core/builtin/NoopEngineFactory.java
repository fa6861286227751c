package io.bacalhau.core.builtin;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.engine.Engine;
import io.bacalhau.core.spi.engine.EngineFactory;

/** The built-in {@code noop} engine, for tests, benchmarks and trying the system out. */
public final class NoopEngineFactory implements EngineFactory<NoopConfig> {
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
    return "Engines.Types.Noop";
  }

  @Override
  public Installation isInstalled(NoopConfig config) {
    return Installation.ok();
  }

  @Override
  public Engine create(NoopConfig config, ProviderContext context) {
    return new NoopEngine();
  }
}
