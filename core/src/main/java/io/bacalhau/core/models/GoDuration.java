package io.bacalhau.core.models;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Bacalhau's config writes them: {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 0}.
 * None may exceed {@link Times#MAX_DURATION}, so what reads them never overflows a timestamp.
 */
public final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");

  /** The longest duration, as this class writes it. */
  public static final String MAX_TEXT = Times.MAX_DURATION.toHours() + "h (100 years)";

  private GoDuration() {}

  /** Parses a duration; a bare number counts as seconds. */
  public static Duration parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.matches("\\d+")) {
      // A number past Long.MAX_VALUE is too long, not malformed.
      if (new BigInteger(s).compareTo(BigInteger.valueOf(Times.MAX_DURATION.toSeconds())) > 0) {
        throw tooLong(text);
      }
      return Duration.ofSeconds(Long.parseLong(s));
    }
    Matcher m = PART.matcher(s);
    double nanos = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      double n = Double.parseDouble(m.group(1));
      nanos +=
          switch (m.group(2)) {
            case "ns" -> n;
            case "us", "µs" -> n * 1e3;
            case "ms" -> n * 1e6;
            case "s" -> n * 1e9;
            case "m" -> n * 60e9;
            default -> n * 3600e9;
          };
      end = m.end();
    }
    if (end == 0 || end != s.length()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration like 30s, 5m or 1h");
    }
    // The cast saturates at about 292 years, so a huge text still compares as too long.
    return bounded(Duration.ofNanos((long) nanos), text);
  }

  /** Checks that an ISO-8601 duration ({@code PT90S}), read elsewhere, is within the bound. */
  public static Duration bounded(Duration d, String text) {
    if (d.compareTo(Times.MAX_DURATION) > 0) {
      throw tooLong(text);
    }
    return d;
  }

  private static TooLong tooLong(String text) {
    return new TooLong("'" + text.strip() + "' is longer than the maximum of " + MAX_TEXT);
  }

  /** A well-formed duration past the bound, told apart from text that is no duration at all. */
  public static final class TooLong extends IllegalArgumentException {
    TooLong(String message) {
      super(message);
    }
  }
}
