package io.bacalhau.core.config;

import io.bacalhau.core.errors.ErrorCode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one config file into a tree: known keys are type-checked, keys nobody knows (older files
 * carry retired ones) become a warning naming the file, line and closest key, and the rest loads.
 */
final class ConfigFileReader {
  private final ConfigCatalog catalog;
  private final List<String> warnings;

  ConfigFileReader(ConfigCatalog catalog, List<String> warnings) {
    this.catalog = catalog;
    this.warnings = warnings;
  }

  void read(Path file, ConfigTree into) {
    parse(file, text(file), into);
  }

  /** The file's text; a file that is no UTF-8 text (a binary) is named as such. */
  static String text(Path file) {
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      // Reading a directory fails with a bare "Is a directory"; a FIFO would block for ever.
      throw ConfigProblems.file(
          ErrorCode.CONFIGURATION_ERROR,
          "config file "
              + file
              + (Files.isDirectory(file) ? " is a directory" : " is not a regular file"),
          "Move it aside, or point --data-dir or -c at a config file.");
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw ConfigProblems.file(
          ErrorCode.CONFIGURATION_ERROR,
          "config file " + file + " is not UTF-8 text (is it a binary file?)",
          "Config files are YAML; move it aside or write it again.");
    } catch (IOException e) {
      throw ConfigProblems.file(
          ErrorCode.IO_ERROR, "cannot read config file " + file + ": " + e.getMessage(), null);
    }
  }

  /** Reads {@code text} as the content of {@code file}, which error messages name. */
  void parse(Path file, String text, ConfigTree into) {
    if (text.isBlank()) {
      warnings.add("config file " + file + " is empty");
      return;
    }
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Object loaded;
    Map<String, Integer> lines = new HashMap<>();
    try {
      Node root = yaml.compose(new java.io.StringReader(text));
      if (ExpandedSize.tooLarge(root)) {
        throw ConfigProblems.file(
            ErrorCode.CONFIGURATION_ERROR,
            "config file "
                + file
                + " holds more than "
                + ExpandedSize.MAX_VALUES
                + " values once its YAML aliases (*name) are expanded",
            "Config files are a few levels of keys; write the values out instead of aliasing"
                + " them, and check that this is the right file.");
      }
      lines(root, "", lines);
      loaded = yaml.load(text);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      throw ConfigProblems.file(
          ErrorCode.CONFIGURATION_ERROR,
          "config file "
              + file
              + ": line "
              + (mark.getLine() + 1)
              + ", column "
              + (mark.getColumn() + 1)
              + ": "
              + e.getProblem(),
          "Fix the YAML syntax there.");
    } catch (YAMLException e) {
      // The loader's own limits (nesting depth, document size) carry no position.
      throw ConfigProblems.file(
          ErrorCode.CONFIGURATION_ERROR,
          "config file " + file + ": " + e.getMessage(),
          "Config files are a few levels of keys; check that this is the right file.");
    }
    if (loaded == null) {
      warnings.add("config file " + file + " holds no settings, only comments");
      return;
    }
    if (!(loaded instanceof Map<?, ?> map)) {
      throw ConfigProblems.file(
          ErrorCode.CONFIGURATION_ERROR,
          "config file " + file + " must hold a mapping of keys, like 'API: {Port: 1234}'",
          null);
    }
    walk(file, map, "", into, lines);
  }

  private void walk(
      Path file, Map<?, ?> level, String prefix, ConfigTree into, Map<String, Integer> lines) {
    for (var entry : level.entrySet()) {
      String path = prefix + String.valueOf(entry.getKey());
      Object value = entry.getValue();
      var key = catalog.find(path);
      if (key.isPresent()) {
        try {
          into.put(key.get().path(), key.get().parseFile(value));
        } catch (io.bacalhau.core.errors.BacalhauException e) {
          throw ConfigProblems.file(
              ErrorCode.CONFIGURATION_ERROR,
              "config file "
                  + file
                  + " line "
                  + lines.getOrDefault(path.toLowerCase(Locale.ROOT), 0)
                  + ": "
                  + e.getMessage(),
              null);
        }
      } else if (catalog.allows(path) && value instanceof Map<?, ?> nested) {
        walk(file, nested, path + ".", into, lines);
      } else if (catalog.allows(path)) {
        into.put(path, value);
      } else {
        String closest = catalog.closest(path);
        warnings.add(
            "config file "
                + file
                + " line "
                + lines.getOrDefault(path.toLowerCase(Locale.ROOT), 0)
                + ": unknown key '"
                + path
                + "' ignored"
                + (closest == null ? "" : "; did you mean " + closest + "?"));
      }
    }
  }

  private static void lines(Node node, String prefix, Map<String, Integer> lines) {
    if (!(node instanceof MappingNode mapping)) {
      return;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        String path = prefix + key.getValue();
        lines.put(path.toLowerCase(Locale.ROOT), key.getStartMark().getLine() + 1);
        lines(tuple.getValueNode(), path + ".", lines);
      }
    }
  }
}
