package io.bacalhau.core.plugin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.providers.ProviderEntry;
import io.bacalhau.core.providers.ProviderKind;
import java.util.Locale;

/** One provider a plugin brought, and whether it can run on this machine. */
public record ProvidedType(
    @JsonProperty("Kind") String kind,
    @JsonProperty("Type") String type,
    @JsonProperty("Installed") boolean installed,
    @JsonProperty("Reason") String reason) {

  static ProvidedType of(ProviderEntry entry) {
    return new ProvidedType(
        kindLabel(entry.kind()),
        entry.type(),
        entry.installation().installed(),
        entry.installation().reason());
  }

  /** {@code engine}, {@code publisher}, {@code input-source}, {@code analytics}. */
  public static String kindLabel(ProviderKind kind) {
    return kind.noun().replace(' ', '-').toLowerCase(Locale.ROOT);
  }

  /** How {@code plugin list} names it: {@code engine:docker}. */
  public String label() {
    return kind + ":" + type;
  }
}
