package io.bacalhau.core.plugin;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What {@code plugin list} and {@code plugin info} show of one plugin.
 *
 * @param path the jar or zip it was loaded from; empty for the built-in providers
 * @param reason why it is disabled or failed; empty when started cleanly
 */
public record PluginInfo(
    @JsonProperty("ID") String id,
    @JsonProperty("Version") String version,
    @JsonProperty("Provider") String provider,
    @JsonProperty("Description") String description,
    @JsonProperty("Path") String path,
    @JsonProperty("State") PluginStatus status,
    @JsonProperty("Reason") String reason,
    @JsonProperty("Provides") List<ProvidedType> provides) {

  public PluginInfo {
    version = version == null ? "" : version;
    provider = provider == null ? "" : provider;
    description = description == null ? "" : description;
    path = path == null ? "" : path;
    reason = reason == null ? "" : reason;
    provides = List.copyOf(provides);
  }

  PluginInfo withProvides(List<ProvidedType> types) {
    return new PluginInfo(id, version, provider, description, path, status, reason, types);
  }

  PluginInfo failed(String why) {
    String all = reason.isEmpty() ? why : reason + "; " + why;
    return new PluginInfo(
        id, version, provider, description, path, PluginStatus.FAILED, all, provides);
  }
}
