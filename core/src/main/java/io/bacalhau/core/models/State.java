package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A state value with the message and details that explain it; those two only when present. */
public record State<T>(
    @JsonProperty("StateType") T stateType,
    @JsonProperty("Message") @JsonInclude(JsonInclude.Include.NON_EMPTY) String message,
    @JsonProperty("Details") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, String> details) {

  public State {
    message = Immutables.string(message);
    details = Immutables.map(details);
  }

  public static <T> State<T> of(T type) {
    return new State<>(type, "", Map.of());
  }

  public static <T> State<T> of(T type, String message) {
    return new State<>(type, message, Map.of());
  }
}
