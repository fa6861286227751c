package io.bacalhau.cli.render;

import picocli.CommandLine.Option;

/** The output flags of commands that print one object rather than a table. */
public final class DataOptions {
  @Option(
      names = "--output",
      paramLabel = "<format>",
      description = "Print as json or yaml instead of the human format.")
  private DataFormat output;

  @Option(names = "--pretty", description = "Indent JSON output.")
  private boolean pretty;

  /** The machine format asked for, or null for the human one. */
  public DataFormat output() {
    return output;
  }

  public boolean pretty() {
    return pretty;
  }

  /** The machine formats. */
  public enum DataFormat {
    JSON,
    YAML;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
