package io.bacalhau.core.spi.analytics;

import io.bacalhau.core.spi.ProviderFactory;

/** Registered in {@code META-INF/services/io.bacalhau.core.spi.analytics.AnalyticsFactory}. */
public interface AnalyticsFactory<C> extends ProviderFactory<C, AnalyticsSink> {}
