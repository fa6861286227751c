package io.bacalhau.core.spi.publisher;

import io.bacalhau.core.spi.ProviderFactory;

/** Registered in {@code META-INF/services/io.bacalhau.core.spi.publisher.PublisherFactory}. */
public interface PublisherFactory<C> extends ProviderFactory<C, Publisher> {}
