package io.bacalhau.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan the architecture rules rest on: it must see every name in code and none elsewhere. */
class JavaSourceTest {
  @TempDir Path dir;

  private JavaSource read(String text) throws Exception {
    Path file = dir.resolve("Sample.java");
    Files.writeString(file, text);
    return JavaSource.read(file);
  }

  @Test
  void importsStaticAndWildcardImportsAndQualifiedNamesAreReferencesWithTheirLines()
      throws Exception {
    JavaSource s =
        read(
            """
            package io.bacalhau.core.sample;

            import io.bacalhau.cli.Main;
            import static io.bacalhau.core.models.Times.nanos;
            import io.bacalhau.core.spi.storage.*;

            class Sample {
              Object o = io.bacalhau.core.codec.Codecs.json();
            }
            """);
    assertEquals("io.bacalhau.core.sample", s.packageName());
    assertEquals(
        List.of(
            new JavaSource.Reference("io.bacalhau.cli", 3),
            new JavaSource.Reference("io.bacalhau.core.models", 4),
            new JavaSource.Reference("io.bacalhau.core.spi.storage", 5),
            new JavaSource.Reference("io.bacalhau.core.codec", 8)),
        s.references());
  }

  @Test
  void commentsStringsAndTextBlocksNameNothing() throws Exception {
    JavaSource s =
        read(
            """
            package io.bacalhau.plugins.sample;

            /** Like {@link io.bacalhau.core.config.GoDuration}. */
            class Sample {
              // io.bacalhau.core.net.AddressPolicy
              String a = "io.bacalhau.core.archive.\\"quoted";
              char c = '"';
              String b = \"""
                  io.bacalhau.core.codec.Codecs
                  \""";
              /* io.bacalhau.cli */ Object o = io.bacalhau.core.errors.ErrorCode.NOT_FOUND;
            }
            """);
    assertEquals(List.of(new JavaSource.Reference("io.bacalhau.core.errors", 11)), s.references());
  }
}
