package io.bacalhau.core.providers;

import io.bacalhau.core.spi.Installation;
import java.util.function.Supplier;

/**
 * One provider a node knows: where it came from, whether it is installed here, and how to get it.
 *
 * @param source the id of the plugin that brought it, or {@code core} for built-ins
 * @param probe answers whether it can run here; may still be probing in the background
 */
public record ProviderEntry(
    ProviderKind kind,
    String type,
    String source,
    Supplier<Installation> probe,
    Supplier<?> provider) {

  /** Whether it can run here (waits for a probe still under way). */
  public Installation installation() {
    return probe.get();
  }
}
