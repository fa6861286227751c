package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.bacalhau.core.errors.BacalhauException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something that happened to a job or execution, with structured details for errors. Message and
 * Topic are always written, Details only when there are some.
 */
public record Event(
    @JsonProperty("Message") String message,
    @JsonProperty("Topic") String topic,
    @JsonProperty("Timestamp") Instant timestamp,
    @JsonProperty("Details") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, String> details) {

  public static final String DETAIL_IS_ERROR = "IsError";
  public static final String DETAIL_HINT = "Hint";
  public static final String DETAIL_RETRYABLE = "Retryable";
  public static final String DETAIL_FAILS_EXECUTION = "FailsExecution";
  public static final String DETAIL_NEW_STATE = "NewState";
  public static final String DETAIL_ERROR_CODE = "ErrorCode";

  public Event {
    message = Immutables.string(message);
    topic = Immutables.string(topic);
    details = Immutables.map(details);
  }

  public static Event of(String topic, String message, Instant at) {
    return new Event(message, topic, at, Map.of());
  }

  public static Event of(String topic, String message, Instant at, Map<String, String> details) {
    return new Event(message, topic, at, details);
  }

  /** An event that reports an error; structured errors carry their fields into the details. */
  public static Event fromError(String topic, Throwable error, Instant at) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put(DETAIL_IS_ERROR, "true");
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    if (error instanceof BacalhauException b) {
      details.putAll(b.details());
      if (b.hint() != null && !b.hint().isBlank()) {
        details.put(DETAIL_HINT, b.hint());
      }
      if (b.retryable()) {
        details.put(DETAIL_RETRYABLE, "true");
      }
      if (b.failsExecution()) {
        details.put(DETAIL_FAILS_EXECUTION, "true");
      }
      details.put(DETAIL_ERROR_CODE, b.qualifiedCode());
    }
    return new Event(message, topic, at, details);
  }

  @JsonIgnore
  public boolean isError() {
    return "true".equals(details.get(DETAIL_IS_ERROR));
  }

  @JsonIgnore
  public String hint() {
    return details.getOrDefault(DETAIL_HINT, "");
  }
}
