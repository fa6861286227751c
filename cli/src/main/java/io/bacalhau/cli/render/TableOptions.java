package io.bacalhau.cli.render;

import picocli.CommandLine.Option;

/** The output flags of commands that print tables. */
public final class TableOptions {
  @Option(
      names = "--output",
      paramLabel = "<format>",
      defaultValue = "table",
      description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  private OutputFormat output = OutputFormat.TABLE;

  @Option(names = "--pretty", description = "Indent JSON output.")
  private boolean pretty;

  @Option(names = "--hide-header", description = "Do not print the table header.")
  private boolean hideHeader;

  @Option(names = "--no-style", description = "Plain table: no borders, no colours.")
  private boolean noStyle;

  @Option(names = "--wide", description = "Do not shorten or wrap columns.")
  private boolean wide;

  public OutputFormat output() {
    return output;
  }

  public boolean pretty() {
    return pretty;
  }

  public boolean hideHeader() {
    return hideHeader;
  }

  public boolean noStyle() {
    return noStyle;
  }

  public boolean wide() {
    return wide;
  }
}
