package io.bacalhau.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalhau.core.errors.BacalhauException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConfigCatalogTest {
  private static final ConfigCatalog CATALOG = ConfigCatalog.get();

  /** Key, type and default of every row of the reference's table of Bacalhau's config keys. */
  private static List<String[]> referenceKeys() throws IOException {
    try (InputStream in = ConfigCatalogTest.class.getResourceAsStream("reference-keys.tsv")) {
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        rows.add(line.split("\t", -1));
      }
      return rows;
    }
  }

  @Test
  void everyBacalhauKeyIsThereSpelledAsBacalhauSpellsItWithItsDefault() throws IOException {
    List<String[]> reference = referenceKeys();
    assertEquals(130, reference.size());
    // Defaults the table describes in words rather than as a value.
    Set<String> described = Set.of("API.Auth.Methods", "Orchestrator.Scheduler.WorkerCount");
    // Where we deliberately differ: a server listens on loopback unless told otherwise
    // (Bacalhau's 0.0.0.0 serves every interface, unauthenticated by default).
    Map<String, String> ours = Map.of("API.Host", "127.0.0.1");
    for (String[] row : reference) {
      ConfigKey key = CATALOG.find(row[0]).orElseThrow(() -> new AssertionError(row[0]));
      assertEquals(row[0], key.path());
      if (ours.containsKey(row[0])) {
        assertEquals(ours.get(row[0]), shown(key.defaultValue()), row[0] + " default (ours)");
      } else if (!described.contains(row[0])) {
        assertEquals(row[2], shown(key.defaultValue()), row[0] + " default");
      }
    }
  }

  @Test
  void ourOwnKeysAreTheOnlyAdditions() throws IOException {
    Set<String> reference = new TreeSet<>();
    referenceKeys().forEach(r -> reference.add(r[0]));
    Set<String> ours = new TreeSet<>();
    CATALOG.keys().stream()
        .map(ConfigKey::path)
        .filter(k -> !reference.contains(k))
        .forEach(ours::add);
    assertEquals(
        new TreeSet<>(
            List.of(
                "Analytics.Endpoint",
                "Analytics.Headers",
                "Analytics.Protocol",
                "Compute.AllowListedInternalAddresses",
                "InputSources.MaxDownloadSize",
                "LocalNode.IdleTimeout",
                "LocalNode.Mode",
                "Orchestrator.NATS.URL",
                "Orchestrator.Scheduler.MaxRetries",
                "Plugins.Dir",
                "Plugins.Disabled")),
        ours);
  }

  @Test
  void everyKeyHasAUserDescriptionAndAnEnvironmentName() {
    for (ConfigKey key : CATALOG.keys()) {
      assertFalse(key.description().isBlank(), key.path());
      assertEquals(
          "BACALHAU_" + key.path().toUpperCase(Locale.ROOT).replace('.', '_'), key.envName());
    }
    assertEquals("BACALHAU_DISABLEANALYTICS", CATALOG.require("disableanalytics").envName());
    assertEquals("BACALHAU_API_PORT", CATALOG.require("api.port").envName());
  }

  @Test
  void secretsAreMarked() {
    for (String k :
        List.of(
            "Orchestrator.Auth.Token",
            "Compute.Auth.Token",
            "API.Auth.Users",
            "Analytics.Headers")) {
      assertTrue(CATALOG.require(k).secret(), k);
    }
    assertFalse(CATALOG.require("API.Host").secret());
  }

  @Test
  void keysAreFoundWhateverTheirCase() {
    assertEquals("API.Port", CATALOG.require("aPi.PoRt").path());
    assertEquals("DisableAnalytics", CATALOG.require("DISABLEANALYTICS").path());
  }

  @Test
  void closestKeyIsSuggestedForTyposAndForALeafGivenAlone() {
    assertEquals("API.Port", CATALOG.closest("API.Prot"));
    assertEquals("DisableAnalytics", CATALOG.closest("DisableAnalytic"));
    assertEquals("Compute.AllowListedLocalPaths", CATALOG.closest("AllowListedLocalPaths"));
  }

  @Test
  void pluginsOwnSettingsResolveAsStringsButSectionsAndTyposDoNot() {
    ConfigKey wasm = CATALOG.resolve("Engines.Types.Wasm.MaxMemory");
    assertEquals(ValueType.STRING, wasm.type());
    assertFalse(wasm.secret());
    assertTrue(CATALOG.resolve("Publishers.Types.S3.SecretAccessKey").secret());
    assertThrows(
        BacalhauException.class, () -> CATALOG.resolve("Engines.Types.Docker.ManifestCache"));
    assertThrows(BacalhauException.class, () -> CATALOG.resolve("Engines.Typos.Wasm.X"));
    assertThrows(BacalhauException.class, () -> CATALOG.resolve("Engines.Types.Wasm"));
  }

  private static String shown(Object value) {
    return switch (value) {
      case null -> "";
      case List<?> l -> l.toString().replace(" ", "");
      case Map<?, ?> m -> m.toString();
      default -> String.valueOf(value);
    };
  }
}
