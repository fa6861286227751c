package io.bacalhau.cli.render;

/**
 * Byte counts as Bacalhau's tables print them (Go's humanize.Bytes): SI units, one decimal below
 * ten ({@code 1.5 GB}), none above ({@code 83 MB}), plain bytes below ten ({@code 7 B}).
 */
public final class ByteText {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

  private ByteText() {}

  public static String of(long bytes) {
    if (bytes < 10) {
      return bytes + " B";
    }
    int unit = (int) Math.floor(Math.log(bytes) / Math.log(1000));
    unit = Math.min(unit, UNITS.length - 1);
    double value = Math.floor(bytes / Math.pow(1000, unit) * 10 + 0.5) / 10;
    return String.format(
        java.util.Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
  }
}
