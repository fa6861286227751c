package io.bacalhau.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Approved-file checks for text users read. The approved text lives in {@code
 * src/test/resources/approved/NAME.txt} of the module under test; a mismatch writes {@code
 * NAME.received.txt} beside it so the diff is one command away. Run with {@code -Dapprove=true} to
 * accept the received text.
 */
public final class Approvals {
  private Approvals() {}

  public static void verify(String name, String actual) {
    Path dir = Path.of("src", "test", "resources", "approved");
    Path approved = dir.resolve(name + ".txt");
    Path received = dir.resolve(name + ".received.txt");
    try {
      if (Boolean.getBoolean("approve")) {
        Files.createDirectories(dir);
        Files.writeString(approved, actual, StandardCharsets.UTF_8);
        Files.deleteIfExists(received);
        return;
      }
      if (!Files.exists(approved)) {
        Files.createDirectories(dir);
        Files.writeString(received, actual, StandardCharsets.UTF_8);
        fail(
            "no approved text for '"
                + name
                + "'; review "
                + received
                + " and rerun with -Dapprove=true");
      }
      String expected = Files.readString(approved, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        Files.writeString(received, actual, StandardCharsets.UTF_8);
      } else {
        Files.deleteIfExists(received);
      }
      assertEquals(expected, actual, "output differs from " + approved + " (see " + received + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
