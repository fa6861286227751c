package io.bacalhau.cli.render;

/** One table column: its header and the widest it may grow before its text wraps (0 = no limit). */
public record Column(String header, int maxWidth) {
  public static Column of(String header) {
    return new Column(header, 0);
  }

  public static Column of(String header, int maxWidth) {
    return new Column(header, maxWidth);
  }
}
