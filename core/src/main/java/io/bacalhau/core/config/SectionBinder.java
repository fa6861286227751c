package io.bacalhau.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.bacalhau.core.codec.Codecs;
import io.bacalhau.core.errors.ErrorCode;
import io.bacalhau.core.models.GoDuration;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Turns a config section into a plugin's record. Plugins' records may use {@link Duration} fields
 * and still be configured the way every other duration is written ({@code 30s}, {@code 1h30m}).
 */
final class SectionBinder {
  private static final ObjectMapper MAPPER =
      ((ObjectMapper) Codecs.json().copy())
          .registerModule(
              new SimpleModule("go-durations").addDeserializer(Duration.class, new Durations()));

  private SectionBinder() {}

  static <T> T bind(String section, Map<String, Object> values, Class<T> type) {
    try {
      return MAPPER.convertValue(values, type);
    } catch (IllegalArgumentException e) {
      String reason = e.getMessage() == null ? e.toString() : e.getMessage();
      int chain = reason.indexOf(" (through reference chain");
      throw ConfigProblems.file(
          ErrorCode.CONFIGURATION_ERROR,
          "config section "
              + section
              + " does not fit what its plugin reads: "
              + (chain > 0 ? reason.substring(0, chain) : reason),
          "Check the values under " + section + " in your config file or -c flags.");
    }
  }

  /** Go-style ({@code 90s}) or ISO-8601 ({@code PT90S}) text; a bare number means seconds. */
  private static final class Durations extends StdScalarDeserializer<Duration> {
    Durations() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      // A bare number is seconds; GoDuration reads it so, within the same bound.
      String text =
          p.currentToken() == JsonToken.VALUE_NUMBER_INT ? p.getText() : p.getValueAsString();
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        return text.strip().toUpperCase(java.util.Locale.ROOT).startsWith("P")
            ? GoDuration.bounded(Duration.parse(text.strip()), text)
            : GoDuration.parse(text);
      } catch (GoDuration.TooLong e) {
        return (Duration)
            ctx.handleWeirdStringValue(
                Duration.class, text, "longer than the maximum of " + GoDuration.MAX_TEXT);
      } catch (RuntimeException e) {
        return (Duration)
            ctx.handleWeirdStringValue(
                Duration.class, text, "not a duration like 30s, 5m or 1h30m");
      }
    }
  }
}
