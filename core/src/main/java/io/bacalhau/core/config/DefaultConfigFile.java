package io.bacalhau.core.config;

import java.util.List;

/**
 * The complete default config.yaml, every key with its description as a comment: what {@code
 * bacalhau config default} prints and {@code config/config.yaml} holds. Keys without a default are
 * shown commented out.
 */
public final class DefaultConfigFile {
  private DefaultConfigFile() {}

  public static String render() {
    StringBuilder out = new StringBuilder();
    out.append(
        "# Bacalhau configuration. Every key, with its default; uncomment and edit to change.\n");
    out.append(
        "# Keys are case-insensitive; 'bacalhau config set KEY=VALUE' edits this file safely.\n");
    String[] previous = new String[0];
    for (ConfigKey key : ConfigCatalog.get().keys()) {
      String[] parts = key.path().split("\\.");
      int common = 0;
      while (common < previous.length - 1
          && common < parts.length - 1
          && previous[common].equals(parts[common])) {
        common++;
      }
      if (common == 0 && previous.length > 0 && !previous[0].equals(parts[0])) {
        out.append('\n');
      }
      for (int i = common; i < parts.length - 1; i++) {
        out.append("  ".repeat(i)).append(parts[i]).append(":\n");
      }
      String indent = "  ".repeat(parts.length - 1);
      out.append(indent).append("# ").append(key.description()).append('\n');
      String leaf = parts[parts.length - 1] + ": ";
      if (key.defaultValue() == null) {
        out.append(indent).append("# ").append(leaf).append(placeholder(key.type())).append('\n');
      } else {
        out.append(indent)
            .append(leaf)
            .append(ConfigFileEditor.flow(key.defaultValue()))
            .append('\n');
      }
      previous = parts;
    }
    return out.toString();
  }

  private static String placeholder(ValueType type) {
    return switch (type) {
      case BOOL -> "false";
      case INT -> "0";
      case PORT -> "6222";
      case LIST -> ConfigFileEditor.flow(List.of());
      case MAP, OBJECT -> "{}";
      default -> "\"\"";
    };
  }
}
