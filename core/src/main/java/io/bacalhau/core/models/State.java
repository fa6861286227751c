package io.bacalhau.core.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A state value with the message and details that explain it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record State<T>(
    @JsonProperty("StateType") T stateType,
    @JsonProperty("Message") String message,
    @JsonProperty("Details") Map<String, String> details) {

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
