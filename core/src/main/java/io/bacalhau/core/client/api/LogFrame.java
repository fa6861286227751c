package io.bacalhau.core.client.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One WebSocket text frame of {@code GET /jobs/{id}/logs}: a line of output, or an error (then the
 * stream ends).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogFrame(@JsonProperty("value") Line value, @JsonProperty("error") String error) {
  public static final int STDOUT = 1;
  public static final int STDERR = 2;

  /** A line as the execution wrote it, newline included; type 1 is stdout, 2 stderr. */
  public record Line(@JsonProperty("Type") int type, @JsonProperty("Line") String line) {}

  public static LogFrame line(int type, String line) {
    return new LogFrame(new Line(type, line), null);
  }

  public static LogFrame failure(String error) {
    return new LogFrame(null, error);
  }
}
