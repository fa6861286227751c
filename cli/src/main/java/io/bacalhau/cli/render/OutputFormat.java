package io.bacalhau.cli.render;

/** How a command prints its data. */
public enum OutputFormat {
  TABLE,
  CSV,
  JSON,
  YAML;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
