package io.bacalhau.core.spi.storage;

import io.bacalhau.core.spi.ProviderFactory;

/** Registered in {@code META-INF/services/io.bacalhau.core.spi.storage.InputSourceFactory}. */
public interface InputSourceFactory<C> extends ProviderFactory<C, InputSourceProvider> {}
