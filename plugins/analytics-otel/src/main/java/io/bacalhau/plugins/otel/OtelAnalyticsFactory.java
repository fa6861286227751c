package io.bacalhau.plugins.otel;

import io.bacalhau.core.spi.Installation;
import io.bacalhau.core.spi.ProviderContext;
import io.bacalhau.core.spi.analytics.AnalyticsFactory;
import io.bacalhau.core.spi.analytics.AnalyticsSink;
import io.bacalhau.core.spi.analytics.NodeAttributes;
import java.util.List;

/**
 * The {@code otel} analytics sink: anonymous usage events as OpenTelemetry log records, sent over
 * OTLP to the collector named by the {@code Analytics} section. Only created when analytics is on.
 */
public final class OtelAnalyticsFactory implements AnalyticsFactory<OtelConfig> {

  @Override
  public String type() {
    return "otel";
  }

  @Override
  public Class<OtelConfig> configType() {
    return OtelConfig.class;
  }

  @Override
  public String configSection() {
    return "Analytics";
  }

  @Override
  public Installation isInstalled(OtelConfig config) {
    List<String> problems = config.problems();
    return problems.isEmpty()
        ? Installation.ok()
        : Installation.missing(String.join("; ", problems));
  }

  @Override
  public AnalyticsSink create(OtelConfig config, ProviderContext context) {
    return new OtelAnalyticsSink(() -> new OtelLogs(config, NodeAttributes.of(context)));
  }
}
