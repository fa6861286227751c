package io.bacalhau.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code config set $'JobAdmissionControl.ProbeExec=x\nDisableAnalytics: true'} wrote a file that
 * no longer parsed, and every later command failed. Values are written so they read back exactly,
 * and the written file is read back before it replaces the old one.
 */
class ConfigSetReadBackTest {
  @TempDir Path home;

  private Path file() throws Exception {
    return Files.createDirectories(home.resolve(".bacalhau")).resolve("config.yaml");
  }

  private BacalhauConfig load() {
    return new ConfigLoader()
        .load(new ConfigInputs(Map.of("HOME", home.toString()), home, List.of(), null, null, null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x\nDisableAnalytics: true",
        "x\n  DisableAnalytics: true",
        "a\r\nb",
        "line\n",
        "\n",
        "tab\there",
        "bell\u0007 and nul-free \u001b[31m escape",
        "next\u0085line\u2028sep\u2029para",
        "'quoted'\n\"both\"\n# not a comment",
        "日本: x\n🐟 and a lone \ud800"
      })
  void aValueWithLineBreaksReadsBackExactlyAndLeavesTheFileReadable(String value) throws Exception {
    Path file = file();
    Files.writeString(
        file, "# mine\nJobAdmissionControl:\n  Locality: anywhere\nAPI:\n  Port: 1\n");
    ConfigKey probe = ConfigCatalog.get().require("JobAdmissionControl.ProbeExec");
    ConfigFileEditor.set(file, probe, probe.parse(value));

    BacalhauConfig config = load();
    assertEquals(value, config.value("JobAdmissionControl.ProbeExec"), Files.readString(file));
    assertEquals(false, config.value("DisableAnalytics"));
    assertEquals(1, config.value("API.Port"));
    assertEquals(6, Files.readString(file).lines().count(), Files.readString(file));
  }

  @Test
  void aValueSetIntoAnEmptyFileOrANewSectionReadsBackToo() throws Exception {
    Path file = file();
    ConfigKey probe = ConfigCatalog.get().require("JobAdmissionControl.ProbeExec");
    ConfigFileEditor.set(file, probe, "x\nDisableAnalytics: true");
    ConfigKey plugin = ConfigCatalog.get().resolve("Engines.Types.Wasm.Note");
    ConfigFileEditor.set(file, plugin, "a\nb: c");
    BacalhauConfig config = load();
    assertEquals("x\nDisableAnalytics: true", config.value("JobAdmissionControl.ProbeExec"));
    assertEquals(false, config.value("DisableAnalytics"));
  }

  @Test
  void anEditThatWouldNotReadBackIsRefusedNamingTheFile() throws Exception {
    Path file = file();
    ConfigKey port = ConfigCatalog.get().require("API.Port");
    String refused =
        assertThrows(
                BacalhauException.class, () -> ReadBack.check(file, "API:\n  Port: [\n", port, 5))
            .getMessage();
    assertTrue(refused.startsWith("cannot set API.Port in " + file), refused);
    assertTrue(refused.endsWith("the file is unchanged"), refused);
    String different =
        assertThrows(
                BacalhauException.class, () -> ReadBack.check(file, "API:\n  Port: 6\n", port, 5))
            .getMessage();
    assertTrue(different.contains("would read API.Port back as 6"), different);
  }
}
