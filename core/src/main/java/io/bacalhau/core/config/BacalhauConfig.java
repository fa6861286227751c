package io.bacalhau.core.config;

import io.bacalhau.core.models.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration of one invocation: typed values by key (case-insensitive), sections
 * bound to plugins' records, and the warnings met while loading.
 */
public final class BacalhauConfig implements ConfigBinder {
  public static final String MASK = "********";

  private final ConfigTree tree;
  private final ConfigTree chosen;
  private final Path dataDir;
  private final Path writeTarget;
  private final List<String> warnings;

  BacalhauConfig(
      ConfigTree tree, ConfigTree chosen, Path dataDir, Path writeTarget, List<String> warnings) {
    this.tree = tree;
    this.chosen = chosen;
    this.dataDir = dataDir;
    this.writeTarget = writeTarget;
    this.warnings = List.copyOf(warnings);
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * Where {@code config set} writes: the one {@code -c} file given, else {@code
   * <DataDir>/config.yaml}.
   */
  public Path writeTarget() {
    if (writeTarget == null) {
      throw ConfigProblems.usage(
          "config set writes to one file, but several -c config files were given",
          "Give just the file to change: bacalhau -c my.yaml config set KEY=VALUE");
    }
    return writeTarget;
  }

  public List<String> warnings() {
    return warnings;
  }

  /** The effective value of a key (null when unset); unknown keys are a usage error. */
  public Object value(String key) {
    return tree.get(ConfigCatalog.get().resolve(key).path());
  }

  /**
   * Whether the key was given a value (by a file, the environment, a flag or {@code -c}), rather
   * than left at its default.
   */
  public boolean isSet(String key) {
    return chosen.get(ConfigCatalog.get().resolve(key).path()) != null;
  }

  public String string(String key) {
    Object v = value(key);
    return v == null ? "" : String.valueOf(v);
  }

  public boolean bool(String key) {
    Object v = value(key);
    return v instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(v));
  }

  public int integer(String key, int fallback) {
    Object v = value(key);
    return v instanceof Number n
        ? n.intValue()
        : v == null ? fallback : Integer.parseInt(String.valueOf(v));
  }

  public Duration duration(String key, Duration fallback) {
    Object v = value(key);
    return v == null || String.valueOf(v).isBlank()
        ? fallback
        : GoDuration.parse(String.valueOf(v));
  }

  public List<String> list(String key) {
    Object v = value(key);
    return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }

  public Map<String, String> map(String key) {
    Object v = value(key);
    if (!(v instanceof Map<?, ?> m)) {
      return Map.of();
    }
    Map<String, String> out = new java.util.LinkedHashMap<>();
    m.forEach((k, val) -> out.put(String.valueOf(k), String.valueOf(val)));
    return out;
  }

  /** How a value prints: lists as a,b; maps as k=v; secrets masked. */
  public String display(ConfigKey key) {
    Object v = tree.get(key.path());
    if (v == null) {
      return "";
    }
    if (key.secret()) {
      return MASK;
    }
    return switch (v) {
      case List<?> l -> String.join(",", l.stream().map(String::valueOf).toList());
      case Map<?, ?> m when key.type() == ValueType.MAP ->
          String.join(
              ",", m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
      case Map<?, ?> m -> ConfigFileEditor.flow(m);
      default -> String.valueOf(v);
    };
  }

  /** The whole effective configuration, secrets masked, keys spelled as in the catalogue. */
  public Map<String, Object> asTree() {
    Map<String, Object> shown = tree.display();
    for (ConfigKey key : ConfigCatalog.get().keys()) {
      if (key.secret() && tree.get(key.path()) != null) {
        mask(shown, key.path().split("\\."), 0);
      }
    }
    return shown;
  }

  @SuppressWarnings("unchecked")
  private static void mask(Map<String, Object> level, String[] parts, int i) {
    for (String k : level.keySet()) {
      if (k.equalsIgnoreCase(parts[i])) {
        if (i == parts.length - 1) {
          level.put(k, MASK);
        } else if (level.get(k) instanceof Map<?, ?> next) {
          mask((Map<String, Object>) next, parts, i + 1);
        }
        return;
      }
    }
  }

  /** Binds a section (e.g. {@code Engines.Types.Docker}) to a plugin's config record. */
  @Override
  public <T> T bind(String section, Class<T> type) {
    return SectionBinder.bind(section, tree.section(section), type);
  }
}
