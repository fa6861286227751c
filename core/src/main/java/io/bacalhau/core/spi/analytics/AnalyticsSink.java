package io.bacalhau.core.spi.analytics;

/**
 * Receives anonymous usage events. Must never block or fail the caller: a slow or absent collector
 * is the sink's problem, not the job's.
 */
public interface AnalyticsSink extends AutoCloseable {
  void emit(AnalyticsEvent event);

  /** Flushes within a short deadline and releases resources. */
  @Override
  default void close() {}
}
