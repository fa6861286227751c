package io.bacalhau.transport.nats.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalhau.core.codec.Codecs;
import java.util.Arrays;
import java.util.List;

/**
 * One call made on a channel or callback, its arguments as JSON so that a call made on one side
 * compares equal to the call it became on the other.
 */
public record Call(String method, List<String> args) {
  public static Call of(String method, Object... args) {
    return new Call(method, Arrays.stream(args).map(Call::json).toList());
  }

  private static String json(Object value) {
    try {
      return Codecs.json().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
