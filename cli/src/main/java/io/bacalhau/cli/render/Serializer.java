package io.bacalhau.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bacalhau.core.codec.Codecs;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Prints data as JSON or YAML with the shared mappers. */
public final class Serializer {
  private Serializer() {}

  public static void print(
      PrintStream out, Object value, DataOptions.DataFormat format, boolean pretty) {
    try {
      String text =
          switch (format) {
            case JSON ->
                pretty
                    ? Codecs.json().writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : Codecs.json().writeValueAsString(value);
            case YAML -> Codecs.yaml().writeValueAsString(value);
          };
      out.print(text.endsWith("\n") ? text : text + "\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
