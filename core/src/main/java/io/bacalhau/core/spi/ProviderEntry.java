package io.bacalhau.core.spi;

import java.util.function.Supplier;

/**
 * One provider a node knows: where it came from, whether it is installed here, and how to get it.
 *
 * @param source the id of the plugin that brought it, or {@code core} for built-ins
 */
public record ProviderEntry(
    ProviderKind kind,
    String type,
    String source,
    Installation installation,
    Supplier<?> provider) {}
