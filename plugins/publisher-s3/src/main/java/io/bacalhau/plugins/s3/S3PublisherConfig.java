package io.bacalhau.plugins.s3;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.models.GoDuration;
import java.time.Duration;

/**
 * {@code Publishers.Types.S3}: whether {@code job get} fetches gzip results through pre-signed
 * URLs, and how long those stay valid (Go duration; unset means the 15 minutes AWS SDKs default
 * to).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record S3PublisherConfig(
    @JsonProperty("PreSignedURLDisabled") boolean preSignedUrlDisabled,
    @JsonProperty("PreSignedURLExpiration") String preSignedUrlExpiration) {
  static final Duration DEFAULT_EXPIRATION = Duration.ofMinutes(15);

  Duration expiration() {
    if (preSignedUrlExpiration == null || preSignedUrlExpiration.isBlank()) {
      return DEFAULT_EXPIRATION;
    }
    Duration d = GoDuration.parse(preSignedUrlExpiration.strip());
    return d.isZero() || d.isNegative() ? DEFAULT_EXPIRATION : d;
  }
}
