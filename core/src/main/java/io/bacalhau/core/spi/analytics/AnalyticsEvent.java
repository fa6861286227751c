package io.bacalhau.core.spi.analytics;

import java.util.Map;

/** One analytics event: its type (e.g. {@code bacalhau.job_v1.submit}) and its properties. */
public record AnalyticsEvent(String type, Map<String, Object> properties) {
  public AnalyticsEvent {
    properties = Map.copyOf(properties);
  }
}
