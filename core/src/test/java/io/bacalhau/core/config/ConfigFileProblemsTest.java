package io.bacalhau.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import io.bacalhau.core.errors.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A binary config.yaml said only "Input length = 1", a deeply nested one "Nesting Depth exceeded
 * max 50", and one that is a directory was silently skipped. Each now fails naming the file.
 */
class ConfigFileProblemsTest {
  @TempDir Path home;

  private Path configFile() throws Exception {
    return Files.createDirectories(home.resolve(".bacalhau")).resolve("config.yaml");
  }

  private BacalhauException load() {
    return assertThrows(
        BacalhauException.class,
        () ->
            new ConfigLoader()
                .load(
                    new ConfigInputs(
                        Map.of("HOME", home.toString()), home, List.of(), null, null, null)));
  }

  private static void assertNames(Path file, String what, BacalhauException e) {
    assertTrue(
        e.getMessage().startsWith("config file " + file) && e.getMessage().contains(what),
        e.getMessage());
    assertEquals(ErrorCode.CONFIGURATION_ERROR, e.code());
    assertTrue(!e.details().containsKey(ConfigProblems.USAGE), "a file problem, not usage");
  }

  @Test
  void aBinaryConfigFileIsNamedAsNotText() throws Exception {
    Path file = Files.write(configFile(), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'});
    assertNames(file, "is not UTF-8 text", load());
  }

  @Test
  void aDeeplyNestedConfigFileIsNamed() throws Exception {
    Path file = Files.writeString(configFile(), "[".repeat(60) + "]".repeat(60) + "\n");
    assertNames(file, "Nesting Depth exceeded max 50", load());
  }

  @Test
  void aConfigFileThatIsADirectoryIsAnError() throws Exception {
    Path dir = Files.createDirectories(configFile());
    assertNames(dir, "is a directory", load());
  }

  @Test
  void configSetOnABinaryFileNamesItAndLeavesItAlone() throws Exception {
    byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1, 2};
    Path file = Files.write(configFile(), binary);
    BacalhauException e =
        assertThrows(
            BacalhauException.class,
            () -> ConfigFileEditor.set(file, ConfigCatalog.get().require("API.Port"), 5));
    assertNames(file, "is not UTF-8 text", e);
    assertTrue(java.util.Arrays.equals(binary, Files.readAllBytes(file)));
  }
}
