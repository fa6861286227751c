package io.bacalhau.core.builtin.urldownload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code InputSources} section as downloads use it: how long a read may stall ({@code
 * ReadTimeout}, a duration like {@code 5m}), how often to retry ({@code MaxRetryCount}) and the
 * most a single download may bring in ({@code MaxDownloadSize}, bytes).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DownloadSettings(
    @JsonProperty("ReadTimeout") String readTimeout,
    @JsonProperty("MaxRetryCount") Integer maxRetryCount,
    @JsonProperty("MaxDownloadSize") Long maxDownloadSize) {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  public static DownloadSettings defaults() {
    return new DownloadSettings(null, null, null);
  }

  public Duration timeout() {
    return readTimeout == null || readTimeout.isBlank()
        ? Duration.ofMinutes(5)
        : parse(readTimeout);
  }

  public int retries() {
    return maxRetryCount == null ? 3 : Math.max(0, maxRetryCount);
  }

  public long maxBytes() {
    return maxDownloadSize == null || maxDownloadSize <= 0 ? 10L << 30 : maxDownloadSize;
  }

  /** Go-style durations as config files write them: {@code 90s}, {@code 5m}, {@code 1h30m}. */
  static Duration parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(s));
    }
    Matcher m = PART.matcher(s);
    long millis = 0;
    int end = 0;
    while (m.find() && m.start() == end) {
      double n = Double.parseDouble(m.group(1));
      millis +=
          (long)
              switch (m.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1_000;
                case "m" -> n * 60_000;
                default -> n * 3_600_000;
              };
      end = m.end();
    }
    if (end != s.length() || end == 0) {
      throw new IllegalArgumentException(
          "InputSources.ReadTimeout: '" + text + "' is not a duration like 30s, 5m or 1h");
    }
    return Duration.ofMillis(millis);
  }
}
