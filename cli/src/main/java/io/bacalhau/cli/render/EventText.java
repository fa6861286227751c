package io.bacalhau.cli.render;

import io.bacalhau.core.models.Event;

/** An event's text for tables: errors start with {@code Error:}, a hint follows on its own line. */
public final class EventText {
  private EventText() {}

  public static String of(Event event) {
    StringBuilder text = new StringBuilder();
    if (event.isError()) {
      text.append("Error: ");
    }
    text.append(event.message());
    if (!event.hint().isBlank()) {
      text.append("\nHint: ").append(event.hint());
    }
    return text.toString();
  }
}
