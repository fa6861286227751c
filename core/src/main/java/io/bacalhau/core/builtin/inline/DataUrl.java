package io.bacalhau.core.builtin.inline;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * RFC 2397 {@code data:} URLs as Bacalhau's inline inputs use them: base64, and gzipped ({@code
 * application/gzip}) when the payload is larger than 512 bytes.
 */
public final class DataUrl {
  static final int GZIP_ABOVE = 512;

  private DataUrl() {}

  /** Encodes content the way {@code wasm run} and {@code -i} upload local files. */
  public static String encode(byte[] content) {
    if (content.length <= GZIP_ABOVE) {
      return "data:;base64," + Base64.getEncoder().encodeToString(content);
    }
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(content);
    } catch (IOException e) {
      throw new IllegalStateException("gzip in memory cannot fail", e);
    }
    return "data:application/gzip;base64,"
        + Base64.getEncoder().encodeToString(zipped.toByteArray());
  }

  /**
   * The content of a data URL, unzipped when it says {@code application/gzip}; at most {@code
   * maxBytes} once decoded.
   */
  public static byte[] decode(String url, long maxBytes) {
    if (url == null || !url.regionMatches(true, 0, "data:", 0, 5) || url.indexOf(',') < 0) {
      throw invalid("expected a data: URL like 'data:;base64,aGVsbG8='");
    }
    int comma = url.indexOf(',');
    String header = url.substring(5, comma).toLowerCase(java.util.Locale.ROOT);
    String payload = url.substring(comma + 1);
    byte[] raw;
    try {
      raw =
          header.endsWith(";base64")
              ? Base64.getMimeDecoder().decode(payload)
              : URLDecoder.decode(payload, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("the data is not valid base64: " + e.getMessage());
    }
    if (!header.startsWith("application/gzip") && !header.startsWith("application/x-gzip")) {
      return bounded(new ByteArrayInputStream(raw), maxBytes);
    }
    try {
      return bounded(new GZIPInputStream(new ByteArrayInputStream(raw)), maxBytes);
    } catch (IOException e) {
      throw invalid("the data says application/gzip but does not unzip: " + e.getMessage());
    }
  }

  private static byte[] bounded(InputStream in, long maxBytes) {
    try (in) {
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (content.length > maxBytes) {
        throw BacalhauException.builder(
                ErrorCode.RESOURCE_EXHAUSTED,
                "inline input is larger than the limit of " + maxBytes + " bytes")
            .component("InlineStorage")
            .failsExecution(true)
            .build();
      }
      return content;
    } catch (IOException e) {
      throw invalid("the data does not decode: " + e.getMessage());
    }
  }

  private static BacalhauException invalid(String message) {
    return BacalhauException.builder(
            ErrorCode.VALIDATION_ERROR, "InputSources.Source.Params.URL: " + message)
        .component("InlineStorage")
        .failsExecution(true)
        .build();
  }
}
