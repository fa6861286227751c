package io.bacalhau.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every key Bacalhau knows (from {@code keys.yaml} beside this class), plus the open sections
 * plugins read their own settings from ({@code Engines.Types.<Name>}, ...).
 */
public final class ConfigCatalog {
  /** Sections whose sub-keys belong to plugins and are not listed one by one. */
  static final List<String> OPEN_SECTIONS =
      List.of(
          "engines.types.",
          "publishers.types.",
          "inputsources.types.",
          "resultdownloaders.types.",
          "analytics.");

  private static final ConfigCatalog INSTANCE = load();

  private final Map<String, ConfigKey> byLowerPath;
  private final Map<String, String> spellings = new java.util.HashMap<>();

  private ConfigCatalog(Map<String, ConfigKey> byLowerPath) {
    this.byLowerPath = byLowerPath;
    for (ConfigKey key : byLowerPath.values()) {
      String[] parts = key.path().split("\\.");
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        prefix.append(i == 0 ? "" : ".").append(parts[i]);
        spellings.putIfAbsent(prefix.toString().toLowerCase(Locale.ROOT), parts[i]);
      }
    }
  }

  /** How the last segment of a key or section path is spelled in the catalogue, if known. */
  String spelling(String lowerPath) {
    return spellings.get(lowerPath);
  }

  public static ConfigCatalog get() {
    return INSTANCE;
  }

  /** All keys, sorted by path. */
  public List<ConfigKey> keys() {
    List<ConfigKey> keys = new ArrayList<>(byLowerPath.values());
    keys.sort((a, b) -> a.path().compareTo(b.path())); // byte order, as Bacalhau sorts
    return Collections.unmodifiableList(keys);
  }

  public Optional<ConfigKey> find(String path) {
    return Optional.ofNullable(byLowerPath.get(path.strip().toLowerCase(Locale.ROOT)));
  }

  /** The key, or a usage error naming the closest known one. */
  public ConfigKey require(String path) {
    return find(path).orElseThrow(() -> ConfigProblems.unknownKey(path, closest(path)));
  }

  /**
   * Whether a path may appear in a config file: a key, a section holding keys, something inside a
   * structured key, or anything in an open section.
   */
  public boolean allows(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (byLowerPath.containsKey(lower)) {
      return true;
    }
    for (String open : OPEN_SECTIONS) {
      if (lower.startsWith(open) || (lower + ".").equals(open)) {
        return true;
      }
    }
    for (ConfigKey key : byLowerPath.values()) {
      String k = key.lowerPath();
      if (k.startsWith(lower + ".")) {
        return true; // a section
      }
      if ((key.type() == ValueType.OBJECT || key.type() == ValueType.MAP)
          && lower.startsWith(k + ".")) {
        return true; // inside a structured value
      }
    }
    return false;
  }

  /** The known key closest in spelling, if any is reasonably close. */
  public String closest(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ConfigKey key : byLowerPath.values()) {
      int d = Levenshtein.distance(lower, key.lowerPath());
      String tail = key.lowerPath().substring(key.lowerPath().lastIndexOf('.') + 1);
      if (lower.equals(tail)) {
        d = Math.min(d, 1);
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = key.path();
      }
    }
    return bestDistance <= Math.max(3, lower.length() / 3) ? best : null;
  }

  private static ConfigCatalog load() {
    try (InputStream in = ConfigCatalog.class.getResourceAsStream("keys.yaml")) {
      if (in == null) {
        throw new IllegalStateException("keys.yaml missing from the core jar");
      }
      List<Map<String, Object>> entries =
          new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      Map<String, ConfigKey> keys = new LinkedHashMap<>();
      for (Map<String, Object> e : entries) {
        ConfigKey key =
            new ConfigKey(
                String.valueOf(e.get("key")),
                ValueType.parse(String.valueOf(e.get("type"))),
                e.get("default"),
                String.valueOf(e.getOrDefault("description", "")),
                Boolean.TRUE.equals(e.get("secret")));
        keys.put(key.lowerPath(), key);
      }
      return new ConfigCatalog(keys);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read keys.yaml", e);
    }
  }
}
