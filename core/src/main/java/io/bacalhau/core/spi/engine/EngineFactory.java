package io.bacalhau.core.spi.engine;

import io.bacalhau.core.spi.ProviderFactory;

/** Registered in {@code META-INF/services/io.bacalhau.core.spi.engine.EngineFactory}. */
public interface EngineFactory<C> extends ProviderFactory<C, Engine> {}
