package io.bacalhau.transport.nats.orchestrator;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.Event;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Turns the event of a ComputeError back into the structured error the compute node raised: the
 * {@code ErrorCode} detail ({@code Component:Code}), hint, retryable and fails-execution flags, and
 * the remaining details, so that retry logic keeps reading fields across the wire.
 */
final class RemoteErrors {
  private static final Set<String> STRUCTURAL =
      Set.of(
          Event.DETAIL_IS_ERROR,
          Event.DETAIL_HINT,
          Event.DETAIL_RETRYABLE,
          Event.DETAIL_FAILS_EXECUTION,
          Event.DETAIL_ERROR_CODE);

  private RemoteErrors() {}

  static BacalhauException fromEvent(Event event) {
    Map<String, String> details = event.details();
    String qualified = details.getOrDefault(Event.DETAIL_ERROR_CODE, "");
    int colon = qualified.lastIndexOf(':');
    String component =
        colon > 0 ? qualified.substring(0, colon) : BacalhauException.DEFAULT_COMPONENT;
    String code = colon >= 0 ? qualified.substring(colon + 1) : qualified;
    ErrorCode general =
        Arrays.stream(ErrorCode.values())
            .filter(c -> c.code().equals(code))
            .findFirst()
            .orElse(ErrorCode.UNKNOWN_ERROR);
    var b =
        BacalhauException.builder(general, event.message())
            .component(component)
            .specificCode(general == ErrorCode.UNKNOWN_ERROR ? code : null)
            .retryable("true".equals(details.get(Event.DETAIL_RETRYABLE)))
            .failsExecution("true".equals(details.get(Event.DETAIL_FAILS_EXECUTION)));
    if (!event.hint().isBlank()) {
      b.hint(event.hint());
    }
    details.forEach(
        (k, v) -> {
          if (!STRUCTURAL.contains(k)) {
            b.detail(k, v);
          }
        });
    return b.build();
  }
}
