package io.bacalhau.core.builtin.urldownload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.config.ByteSize;
import io.bacalhau.core.models.GoDuration;
import java.time.Duration;

/**
 * The {@code InputSources} section as downloads use it: how long a read may stall ({@code
 * ReadTimeout}, a duration like {@code 5m}), how often to retry ({@code MaxRetryCount}) and the
 * most a single download may bring in ({@code MaxDownloadSize}, bytes).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DownloadSettings(
    @JsonProperty("ReadTimeout") String readTimeout,
    @JsonProperty("MaxRetryCount") Integer maxRetryCount,
    @JsonProperty("MaxDownloadSize") String maxDownloadSize) {

  public static DownloadSettings defaults() {
    return new DownloadSettings(null, null, null);
  }

  public Duration timeout() {
    return readTimeout == null || readTimeout.isBlank()
        ? Duration.ofMinutes(5)
        : GoDuration.parse(readTimeout);
  }

  public int retries() {
    return maxRetryCount == null ? 3 : Math.max(0, maxRetryCount);
  }

  public long maxBytes() {
    return maxDownloadSize == null || maxDownloadSize.isBlank()
        ? 10L << 30
        : ByteSize.parse(maxDownloadSize);
  }
}
