package io.bacalhau.cli.render;

import io.bacalhau.cli.CliSession;

/** Prints a table, or the data behind it, as the table flags ask. */
public final class TableOutput {
  private TableOutput() {}

  public static void print(CliSession session, TableOptions options, Table table, Object data) {
    switch (options.output()) {
      case JSON ->
          Serializer.print(session.out(), data, DataOptions.DataFormat.JSON, options.pretty());
      case YAML -> Serializer.print(session.out(), data, DataOptions.DataFormat.YAML, false);
      case CSV -> table.printCsv(session.out(), options.hideHeader());
      case TABLE ->
          table.print(session.out(), options.hideHeader(), options.noStyle(), options.wide());
    }
  }
}
