package io.bacalhau.plugins.otel;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.analytics.AnalyticsFactory;
import io.bacalhau.core.spi.analytics.AnalyticsSink;

/**
 * Placeholder for the `otel` analytics sink: registered so the plugin is packaged, loaded and
 * listed, but it honestly reports itself as not installed until the real implementation lands.
 */
public final class OtelAnalyticsFactory implements AnalyticsFactory<OtelAnalyticsFactory.Config> {
  /** No settings yet. */
  public record Config() {}

  @Override
  public String type() {
    return "otel";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public String configSection() {
    return "Analytics.Types.Otel";
  }

  @Override
  public Installation isInstalled(Config config) {
    return Installation.missing("not implemented yet");
  }

  @Override
  public AnalyticsSink create(Config config, ProviderContext context) {
    throw BacalhauException.builder(
            ErrorCode.NOT_IMPLEMENTED, "the otel analytics sink is not implemented yet")
        .component("Plugins")
        .build();
  }
}
