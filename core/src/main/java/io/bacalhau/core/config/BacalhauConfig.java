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
  private static final java.util.regex.Pattern SECRET_NAME =
      java.util.regex.Pattern.compile(
          "(?i)(password|passwd|secret|token|api_?key|access_?key|credential|private_?key)");

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
    maskUnknownSecrets(shown, "");
    return shown;
  }

  /**
   * Plugin sections hold keys the catalogue does not know: a value under a secret-looking name
   * (password, secret, token, API or access key, credentials) is masked too.
   */
  @SuppressWarnings("unchecked")
  private static void maskUnknownSecrets(Map<String, Object> level, String prefix) {
    for (Map.Entry<String, Object> e : level.entrySet()) {
      String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue() instanceof Map<?, ?> next) {
        maskUnknownSecrets((Map<String, Object>) next, path);
      } else if (inPluginSection(path)
          && ConfigCatalog.get().find(path).isEmpty()
          && SECRET_NAME.matcher(e.getKey()).find()
          && e.getValue() != null) {
        e.setValue(MASK);
      }
    }
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

  private static boolean inPluginSection(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    return p.startsWith("engines.types.")
        || p.startsWith("publishers.types.")
        || p.startsWith("inputsources.types.")
        || p.startsWith("resultdownloaders.types.")
        || p.startsWith("analytics.");
  }

  /** Binds a section (e.g. {@code Engines.Types.Docker}) to a plugin's config record. */
  @Override
  public <T> T bind(String section, Class<T> type) {
    return SectionBinder.bind(section, tree.section(section), type);
  }
}
