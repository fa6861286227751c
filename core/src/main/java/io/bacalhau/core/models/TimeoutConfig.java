package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Timeouts in seconds; 0 means unset. */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record TimeoutConfig(
    @JsonProperty("ExecutionTimeout") long executionTimeout,
    @JsonProperty("QueueTimeout") long queueTimeout,
    @JsonProperty("TotalTimeout") long totalTimeout) {

  public static final TimeoutConfig NONE = new TimeoutConfig(0, 0, 0);

  /** ExecutionTimeout when set, else TotalTimeout; Bacalhau's rule. */
  @JsonIgnore
  public long effectiveExecutionTimeout() {
    return executionTimeout > 0 ? executionTimeout : totalTimeout;
  }

  @JsonIgnore
  public boolean isEmpty() {
    return executionTimeout == 0 && queueTimeout == 0 && totalTimeout == 0;
  }
}
