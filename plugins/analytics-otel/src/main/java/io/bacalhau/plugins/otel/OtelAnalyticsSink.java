package io.bacalhau.plugins.otel;

import io.bacalhau.core.spi.analytics.AnalyticsEvent;
import io.bacalhau.core.spi.analytics.AnalyticsSink;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands events to the OpenTelemetry logs pipeline. Emitting only queues the record (a full queue
 * drops it), so a slow or absent collector never holds up the node.
 */
final class OtelAnalyticsSink implements AnalyticsSink {
  private final OtelLogs logs;
  private final AtomicBoolean closed = new AtomicBoolean();

  OtelAnalyticsSink(OtelLogs logs) {
    this.logs = logs;
  }

  @Override
  public void emit(AnalyticsEvent event) {
    if (!closed.get()) {
      logs.emit(event.type(), event.properties());
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      logs.close();
    }
  }
}
