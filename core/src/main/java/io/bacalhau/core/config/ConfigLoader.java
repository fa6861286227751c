package io.bacalhau.core.config;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the effective configuration. Precedence, high to low: {@code -c key=value} > dedicated
 * flags > {@code BACALHAU_*} environment > config files (later {@code -c} files win) > defaults.
 * Nothing is written and nothing but the config files is opened.
 */
public final class ConfigLoader {
  private final ConfigCatalog catalog = ConfigCatalog.get();

  public BacalhauConfig load(ConfigInputs inputs) {
    List<String> warnings = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    Map<String, Object> overrides = new LinkedHashMap<>();
    for (String arg : inputs.configArgs()) {
      parseArg(arg, inputs, files, overrides);
    }
    Map<String, Object> flags = flags(inputs, overrides);
    Map<String, Object> env = environment(inputs.env());

    ConfigTree fromFiles = new ConfigTree();
    ConfigFileReader reader = new ConfigFileReader(catalog, warnings);
    files.forEach(f -> reader.read(f, fromFiles));
    Path dataDir = dataDir(inputs, overrides, flags, env, fromFiles);
    Path defaultFile = dataDir.resolve("config.yaml");
    // Anything at that path is read: a directory there is an error, not "no config".
    if (files.isEmpty() && Files.exists(defaultFile)) {
      reader.read(defaultFile, fromFiles);
    }

    ConfigTree effective = new ConfigTree();
    for (ConfigKey key : catalog.keys()) {
      if (key.defaultValue() != null) {
        effective.put(key.path(), key.defaultValue());
      }
    }
    effective.put("Plugins.Dir", dataDir.resolve("plugins").toString());
    merge(effective, fromFiles.section(""), "");
    env.forEach(effective::put);
    flags.forEach(effective::put);
    overrides.forEach(effective::put);
    effective.put("DataDir", dataDir.toString());
    // What the user chose, defaults aside: whether a node address was given, say.
    ConfigTree chosen = new ConfigTree();
    merge(chosen, fromFiles.section(""), "");
    env.forEach(chosen::put);
    flags.forEach(chosen::put);
    overrides.forEach(chosen::put);
    // With several -c files there is no one file a change obviously belongs in.
    Path writeTarget = files.isEmpty() ? defaultFile : files.size() == 1 ? files.get(0) : null;
    return new BacalhauConfig(effective, chosen, dataDir, writeTarget, warnings);
  }

  private void parseArg(
      String arg, ConfigInputs inputs, List<Path> files, Map<String, Object> overrides) {
    int eq = arg.indexOf('=');
    Path path = inputs.workingDir().resolve(expandHome(arg, inputs.home()));
    boolean yaml = arg.endsWith(".yaml") || arg.endsWith(".yml");
    // A file whose path holds '=' (./env=prod/config.yaml) is still a file.
    boolean fileWithEquals = eq > 0 && yaml && Files.isRegularFile(path);
    if (eq > 0 && !fileWithEquals) {
      ConfigKey key = catalog.resolve(arg.substring(0, eq));
      overrides.put(key.path(), key.parse(arg.substring(eq + 1)));
      return;
    }
    if (yaml || Files.exists(path)) {
      if (Files.isDirectory(path)) {
        throw ConfigProblems.usage(
            "config file " + path + " is a directory", "Give a .yaml file or key=value.");
      }
      if (!yaml) {
        throw ConfigProblems.usage(
            "config files must end in suffix '.yaml' or '.yml': " + arg, null);
      }
      if (!Files.exists(path)) {
        throw ConfigProblems.file(ErrorCode.NOT_FOUND, "config file not found: " + path, null);
      }
      files.add(path);
      return;
    }
    ConfigKey key = catalog.require(arg);
    if (key.type() != ValueType.BOOL) {
      throw ConfigProblems.usage(
          "config key " + key.path() + " needs a value: -c " + key.path() + "=<value>",
          "Only true/false keys may be given bare.");
    }
    overrides.put(key.path(), Boolean.TRUE);
  }

  private Map<String, Object> flags(ConfigInputs inputs, Map<String, Object> overrides) {
    Map<String, Object> flags = new LinkedHashMap<>();
    if (inputs.apiHostFlag() != null) {
      flags.put("API.Host", inputs.apiHostFlag());
    }
    if (inputs.apiPortFlag() != null) {
      int port = inputs.apiPortFlag();
      if (port < 1 || port > 65_535) {
        throw ConfigProblems.usage(
            "--api-port: '" + port + "' is not " + ValueType.PORT.expected(), null);
      }
      flags.put("API.Port", port);
    }
    if (inputs.dataDirFlag() != null && !inputs.dataDirFlag().isBlank()) {
      flags.put("DataDir", inputs.dataDirFlag());
    }
    for (String key : flags.keySet()) {
      if (overrides.containsKey(key)) {
        String flag =
            switch (key) {
              case "API.Host" -> "--api-host";
              case "API.Port" -> "--api-port";
              default -> "--data-dir";
            };
        throw ConfigProblems.usage(
            "flag: "
                + flag
                + " and config flag key \""
                + key
                + "\" cannot both be provided. Only one may be used",
            "Remove one of them.");
      }
    }
    return flags;
  }

  private Map<String, Object> environment(Map<String, String> env) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ConfigKey key : catalog.keys()) {
      String text = env.get(key.envName());
      if (text != null && key.type() != ValueType.OBJECT) {
        try {
          values.put(key.path(), key.parse(text));
        } catch (BacalhauException e) {
          // Name the variable: the user never typed the key, so "API.Port" alone would puzzle.
          throw ConfigProblems.usage(
              "environment variable " + key.envName() + ": " + e.getMessage(),
              "Fix or unset " + key.envName() + ".");
        }
      }
    }
    String logLevel = env.get("LOG_LEVEL");
    if (logLevel != null && !values.containsKey("Logging.Level")) {
      // LOG_LEVEL is a name many tools share: a value that is no level of ours is not for us.
      try {
        values.put("Logging.Level", catalog.require("Logging.Level").parse(logLevel));
      } catch (BacalhauException e) {
        // ignored, see above
      }
    }
    return values;
  }

  /**
   * The data dir comes first, since the default config file lives in it: {@code -c DataDir=},
   * {@code --data-dir}, {@code BACALHAU_DIR}/{@code BACALHAU_DATADIR}, a {@code -c} file, default.
   */
  private Path dataDir(
      ConfigInputs inputs,
      Map<String, Object> overrides,
      Map<String, Object> flags,
      Map<String, Object> env,
      ConfigTree files) {
    Object chosen = overrides.get("DataDir");
    if (chosen == null) {
      chosen = flags.get("DataDir");
    }
    if (chosen == null) {
      chosen = inputs.env().get("BACALHAU_DIR");
    }
    if (chosen == null || String.valueOf(chosen).isBlank()) {
      chosen = env.get("DataDir");
    }
    if (chosen == null || String.valueOf(chosen).isBlank()) {
      chosen = files.get("DataDir");
    }
    if (chosen == null || String.valueOf(chosen).isBlank()) {
      chosen = "~/.bacalhau";
    }
    String text = expandHome(String.valueOf(chosen).strip(), inputs.home());
    if (text.contains("$")) {
      throw ConfigProblems.usage(
          "DataDir '" + text + "' must not contain '$'", "Give the path with variables expanded.");
    }
    return inputs.workingDir().resolve(text).toAbsolutePath().normalize();
  }

  private static String expandHome(String path, String home) {
    return path.equals("~") || path.startsWith("~/") ? home + path.substring(1) : path;
  }

  @SuppressWarnings("unchecked")
  private static void merge(ConfigTree into, Map<String, Object> level, String prefix) {
    level.forEach(
        (k, v) -> {
          String path = prefix.isEmpty() ? k : prefix + "." + k;
          if (v instanceof Map<?, ?> m && !(ConfigCatalog.get().find(path).isPresent())) {
            merge(into, (Map<String, Object>) m, path);
          } else {
            into.put(path, v);
          }
        });
  }
}
