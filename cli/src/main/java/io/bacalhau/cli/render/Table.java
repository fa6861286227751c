package io.bacalhau.cli.render;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table: upper-cased headers, columns padded to their widest cell, long cells
 * soft-wrapped at their column's limit unless the table is wide. Styled tables add a rule under the
 * header; {@code --no-style} leaves just the text.
 */
public final class Table {
  private final List<Column> columns;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(List<Column> columns) {
    this.columns = List.copyOf(columns);
  }

  public Table(Column... columns) {
    this(List.of(columns));
  }

  public Table row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(
          "expected " + columns.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>(cells.length);
    for (Object cell : cells) {
      row.add(cell == null ? "" : String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  public int size() {
    return rows.size();
  }

  /** Renders with the given flags. */
  public void print(PrintStream out, boolean hideHeader, boolean noStyle, boolean wide) {
    List<List<List<String>>> wrapped = new ArrayList<>();
    for (List<String> row : rows) {
      List<List<String>> cells = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        int limit = wide ? 0 : columns.get(i).maxWidth();
        cells.add(TextWrap.wrap(row.get(i), limit));
      }
      wrapped.add(cells);
    }
    int[] widths = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      widths[i] = hideHeader ? 0 : columns.get(i).header().length();
      for (List<List<String>> row : wrapped) {
        for (String line : row.get(i)) {
          widths[i] = Math.max(widths[i], line.length());
        }
      }
    }
    if (!hideHeader) {
      List<String> header = new ArrayList<>();
      for (Column c : columns) {
        header.add(c.header().toUpperCase(Locale.ROOT));
      }
      out.println(line(header, widths));
      if (!noStyle) {
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
          rule.add("-".repeat(w));
        }
        out.println(line(rule, widths));
      }
    }
    for (List<List<String>> row : wrapped) {
      int height = row.stream().mapToInt(List::size).max().orElse(1);
      for (int l = 0; l < height; l++) {
        List<String> cells = new ArrayList<>();
        for (List<String> cell : row) {
          cells.add(l < cell.size() ? cell.get(l) : "");
        }
        out.println(line(cells, widths));
      }
    }
  }

  /** Renders as CSV with a header row unless hidden. */
  public void printCsv(PrintStream out, boolean hideHeader) {
    if (!hideHeader) {
      out.println(
          String.join(
              ",", columns.stream().map(c -> csv(c.header().toUpperCase(Locale.ROOT))).toList()));
    }
    for (List<String> row : rows) {
      out.println(String.join(",", row.stream().map(Table::csv).toList()));
    }
  }

  private static String csv(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
      return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
    return cell;
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder sb = new StringBuilder(" ");
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append("  ");
      }
      String cell = cells.get(i);
      sb.append(cell).append(" ".repeat(widths[i] - cell.length()));
    }
    return sb.toString().stripTrailing();
  }
}
