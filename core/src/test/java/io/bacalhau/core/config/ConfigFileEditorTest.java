package io.bacalhau.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFileEditorTest {
  private static final String FILE =
      """
      # my settings, keep me
      API:
        Host: 0.0.0.0 # where we listen
        Port: 1234

      # compute bits
      Compute:
        AllowListedLocalPaths:
          - /data:ro
          - /scratch:rw
        # labels below
      Labels: {a: b}
      """;

  private static String set(String text, String key, Object value) {
    return ConfigFileEditor.edit(text, key.split("\\."), value);
  }

  @Test
  void changingAValueKeepsCommentsAndEverythingElse() {
    String edited = set(FILE, "API.Port", 4321);
    assertEquals(FILE.replace("Port: 1234", "Port: 4321"), edited);
  }

  @Test
  void commentAfterAValueSurvives() {
    String edited = set(FILE, "API.Host", "127.0.0.1");
    assertTrue(edited.contains("Host: 127.0.0.1 # where we listen"), edited);
  }

  @Test
  void keysMatchWhateverCaseTheFileUses() {
    String edited = set("api:\n  port: 1\n", "API.Port", 2);
    assertEquals("api:\n  port: 2\n", edited);
  }

  @Test
  void blockListIsReplacedWithoutEatingTheCommentAfterIt() {
    String edited = set(FILE, "Compute.AllowListedLocalPaths", List.of("/only:ro"));
    assertTrue(edited.contains("AllowListedLocalPaths: ['/only:ro']"), edited);
    assertTrue(edited.contains("# labels below"), edited);
    assertTrue(!edited.contains("/scratch"), edited);
  }

  @Test
  void newKeyGoesIntoItsExistingSection() {
    String edited = set(FILE, "API.TLS.UseTLS", true);
    assertTrue(edited.contains("  Port: 1234\n  TLS:\n    UseTLS: true\n"), edited);
    assertTrue(edited.startsWith("# my settings, keep me\n"), edited);
  }

  @Test
  void newSectionIsAppendedAtTheEnd() {
    String edited = set(FILE, "WebUI.Enabled", true);
    assertTrue(edited.endsWith("Labels: {a: b}\nWebUI:\n  Enabled: true\n"), edited);
  }

  @Test
  void emptyFileGetsTheNestedKey() {
    assertEquals(
        "Compute:\n  Env:\n    AllowList: [HOME]\n",
        set("", "Compute.Env.AllowList", List.of("HOME")));
  }

  @Test
  void mapsAndStringsNeedingQuotesAreWrittenAsValidYaml() {
    String edited = set("", "Labels", Map.of("k", "v: w"));
    assertEquals("Labels: {k: 'v: w'}\n", edited);
  }

  @Test
  void brokenYamlIsReportedWithItsLine() {
    BacalhauException e =
        assertThrows(BacalhauException.class, () -> set("API:\n  Port: [1,\n", "API.Port", 1));
    assertTrue(e.getMessage().contains("line"), e.getMessage());
  }

  @Test
  void charactersOutsideTheBasicPlaneDoNotShiftTheEdit() {
    String text = "Labels: {fish: \uD83D\uDC1F}\nAPI:\n  Port: 1\n";
    assertEquals(text.replace("Port: 1", "Port: 2"), set(text, "API.Port", 2));
  }
}
