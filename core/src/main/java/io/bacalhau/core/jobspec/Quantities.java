package io.bacalhau.core.jobspec;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Number-with-unit parsing for resource strings. CPU follows Kubernetes quantities ({@code 500m},
 * {@code 2}, {@code 1.5}, {@code 1e3}); memory and disk follow the byte sizes Bacalhau accepts
 * ({@code 512Mb}, {@code 1Gi}, {@code 2 GB}, {@code 1e9}), where SI units are powers of 1000 and
 * {@code i} units powers of 1024, case-insensitively.
 */
final class Quantities {
  private static final Pattern NUMBER_AND_UNIT =
      Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:e([+-]?[0-9]{1,3}))?\\s*([a-z]*)");

  private static final Map<String, BigDecimal> CPU_UNITS =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("ki", BigDecimal.valueOf(1024)));

  private static final Map<String, BigDecimal> BYTE_UNITS = byteUnits();

  private Quantities() {}

  /** Cores, or null when the text is not a quantity. */
  static Double cpu(String text) {
    BigDecimal v = parse(text, CPU_UNITS);
    return v == null ? null : v.doubleValue();
  }

  /** Bytes, or null when the text is not a size or does not fit in a long. */
  static Long bytes(String text) {
    BigDecimal v = parse(text, BYTE_UNITS);
    if (v == null || v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return null;
    }
    return v.longValue();
  }

  private static BigDecimal parse(String text, Map<String, BigDecimal> units) {
    Matcher m = NUMBER_AND_UNIT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    BigDecimal unit = units.get(m.group(3));
    if (unit == null) {
      return null;
    }
    BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
    if (m.group(2) != null) {
      number = number.scaleByPowerOfTen(Integer.parseInt(m.group(2)));
    }
    return number.multiply(unit);
  }

  private static Map<String, BigDecimal> byteUnits() {
    Map<String, BigDecimal> units = new java.util.HashMap<>();
    units.put("", BigDecimal.ONE);
    units.put("b", BigDecimal.ONE);
    String[] prefixes = {"k", "m", "g", "t", "p", "e"};
    BigDecimal si = BigDecimal.ONE;
    BigDecimal iec = BigDecimal.ONE;
    for (String p : prefixes) {
      si = si.multiply(BigDecimal.valueOf(1000));
      iec = iec.multiply(BigDecimal.valueOf(1024));
      units.put(p, si);
      units.put(p + "b", si);
      units.put(p + "i", iec);
      units.put(p + "ib", iec);
    }
    return Map.copyOf(units);
  }
}
