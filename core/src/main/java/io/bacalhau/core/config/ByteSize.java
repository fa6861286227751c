package io.bacalhau.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them in specs and config: {@code 512Mb}, {@code 2GiB}, {@code 1e9}, {@code
 * 100}. Decimal units (k, M, G, T, with or without b/B) are powers of 1000, binary ones (Ki, Mi,
 * Gi, Ti) powers of 1024.
 */
public final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile(
          "(\\d+(?:\\.\\d+)?(?:e\\d+)?)\\s*([kmgtp]?)(i?)(b?)", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  public static long parse(String text) {
    Matcher m = SIZE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size like 512Mb, 2Gi or 1000000");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2).toLowerCase(Locale.ROOT);
    double base = m.group(3).isEmpty() ? 1000 : 1024;
    int power = "kmgtp".indexOf(unit) + 1;
    return (long) (n * Math.pow(base, unit.isEmpty() ? 0 : power));
  }
}
