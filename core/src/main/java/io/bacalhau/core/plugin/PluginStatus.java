package io.bacalhau.core.plugin;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of a plugin: shown in the STATE column of {@code plugin list}. */
public enum PluginStatus {
  /** Loaded; its providers are registered. */
  STARTED,
  /** Turned off by {@code Plugins.Disabled}. */
  DISABLED,
  /** Could not be loaded, or one of its factories failed; the reason says which. */
  FAILED;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
