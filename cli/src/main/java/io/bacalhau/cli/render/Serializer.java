package io.bacalhau.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.bacalhau.core.codec.Codecs;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Prints data as JSON or YAML with the shared mappers. */
public final class Serializer {
  /**
   * Indented as Go's {@code json.Encoder} with a two-space indent, which Bacalhau's {@code
   * --pretty} uses: {@code "Key": value}, one array element per line, empty {@code []} and {@code
   * {}}.
   */
  private static final ObjectWriter PRETTY_JSON =
      Codecs.json()
          .writer(
              new DefaultPrettyPrinter()
                  .withSeparators(
                      Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                          .withObjectEmptySeparator("")
                          .withArrayEmptySeparator(""))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private Serializer() {}

  public static void print(
      PrintStream out, Object value, DataOptions.DataFormat format, boolean pretty) {
    try {
      String text =
          switch (format) {
            case JSON ->
                pretty
                    ? PRETTY_JSON.writeValueAsString(value)
                    : Codecs.json().writeValueAsString(value);
            case YAML -> Codecs.yaml().writeValueAsString(value);
          };
      out.print(text.endsWith("\n") ? text : text + "\n");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
